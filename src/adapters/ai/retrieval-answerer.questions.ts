/**
 * Questions a customer of the demo company might ask, with the article that should answer them
 * (`null`: the demo knowledge base does not cover it, so the answer must be `no_answer`).
 * Written for Baton. `tuning` is the set the scorer was tuned on; `heldOut` was written before
 * its results were seen and is only measured (bench/retrieval), never tuned against.
 */
export interface RetrievalQuestion {
  readonly question: string;
  readonly expected: string | null;
}

const q = (question: string, expected: string | null): RetrievalQuestion => ({ question, expected });

export const tuningQuestions: readonly RetrievalQuestion[] = [
  q('where is my order 1042?', 'where-is-my-order'),
  q("My parcel still hasn't arrived and it's been two weeks", 'late-or-missing-order'),
  q('how can I find my order number', 'find-your-order-number'),
  q('what does the status "packed" mean on my order', 'order-statuses-explained'),
  q('I want to cancel the order I placed an hour ago', 'change-or-cancel-an-order'),
  q('how much is express shipping', 'shipping-options-and-costs'),
  q('how long does standard delivery take?', 'delivery-times'),
  q('Do you deliver to Canada?', 'international-shipping'),
  q('can i change the shipping address on my order', 'change-delivery-address'),
  q('I forgot my password', 'reset-your-password'),
  q("my verification code for two-factor isn't working", 'two-factor-authentication'),
  q('my account is locked after too many attempts', 'account-locked'),
  q('how do I update the email on my account', 'change-account-email'),
  q("I can't register, it says an account already exists", 'create-an-account'),
  q('where can I download an invoice for my order', 'download-an-invoice'),
  q('do you take american express or paypal?', 'accepted-payment-methods'),
  q('my card expired, how do I put a new one on file', 'update-your-card'),
  q('my payment was declined at checkout', 'failed-payment'),
  q('what day of the month will I be charged for Plus', 'billing-date'),
  q('why was I charged more this month than last month?', 'why-did-my-charge-change'),
  q('what is your refund policy', 'refund-policy'),
  q('when will I receive my refund', 'refund-timing'),
  q('how do I send an item back', 'return-an-item'),
  q('how do I cancel my subscription', 'cancel-acme-plus'),
  q("what's the difference between pro and business plans", 'acme-plus-plans'),
  q('how do I upgrade from basic to pro', 'change-your-plan'),
  q('is there a free trial?', 'acme-plus-free-trial'),
  q('my frying pan handle broke, is it under warranty', 'product-warranty'),
  q('can I put the knives in the dishwasher', 'caring-for-your-products'),
  q('what size is a king duvet cover', 'sizes-and-dimensions'),
  q('please send me a copy of all my personal data', 'privacy-data-requests'),
  q('I want to delete my account', 'close-your-account'),
  q("what's your phone number", 'contact-us'),
  q('I want to make a complaint', 'feedback-and-complaints'),
  q("what's the capital of France", null),
  q('how do I open a brokerage account', null),
  q('which savings accounts pay the most interest this year', null),
  q('can you recommend a good restaurant nearby', null),
  q('my car insurance claim was rejected', null),
  q('move 200 from my current account to my partner at another bank', null),
  q("what's the weather tomorrow", null),
];

export const heldOutQuestions: readonly RetrievalQuestion[] = [
  q('has order #2231 been dispatched yet?', 'where-is-my-order'),
  q('can I see the tracking for my package', 'where-is-my-order'),
  q('the delivery date passed and nothing came', 'late-or-missing-order'),
  q('what does processing mean', 'order-statuses-explained'),
  q('is it too late to cancel my purchase', 'change-or-cancel-an-order'),
  q('do you offer next day delivery and what does it cost', 'shipping-options-and-costs'),
  q('how many days until my parcel arrives with standard shipping', 'delivery-times'),
  q('do you ship to Germany?', 'international-shipping'),
  q('will I have to pay customs duties?', 'international-shipping'),
  q('I moved house, can you send my order to my new address', 'change-delivery-address'),
  q('the password reset email never came', 'reset-your-password'),
  q('I lost my phone and can’t get the 2FA code', 'two-factor-authentication'),
  q('it says too many attempts and I cannot log in', 'account-locked'),
  q('how to create an account', 'create-an-account'),
  q('I need a VAT invoice for my company', 'download-an-invoice'),
  q('can I pay with Apple Pay?', 'accepted-payment-methods'),
  q('how do I remove a saved card', 'update-your-card'),
  q('my Plus payment failed, will I lose my benefits?', 'failed-payment'),
  q('can I change my billing date', 'billing-date'),
  q('what is proration?', 'why-did-my-charge-change'),
  q('can I return sale items for a refund', 'refund-policy'),
  q('how do I ask for a refund for a damaged kettle', 'request-a-refund'),
  q('how long do refunds take to show on my card', 'refund-timing'),
  q('do I have to pay for return postage', 'return-an-item'),
  q('is there a fee to cancel Acme Plus', 'cancel-acme-plus'),
  q('how much does the Business plan cost', 'acme-plus-plans'),
  q('if I downgrade do I get money back for the rest of the month', 'change-your-plan'),
  q('what happens when my trial ends', 'acme-plus-free-trial'),
  q('is my pan oven safe', 'caring-for-your-products'),
  q('what are the dimensions of a double fitted sheet', 'sizes-and-dimensions'),
  q('I want you to erase all my data under GDPR', 'privacy-data-requests'),
  q('please close my account', 'close-your-account'),
  q('what are your customer service opening hours', 'contact-us'),
  q('how do I leave a review', 'feedback-and-complaints'),
  q('how do I apply for a mortgage', null),
  q('what is the best stock to buy this week', null),
  q('my flight was cancelled, can I rebook', null),
  q('how do I renew my passport', null),
  q('tell me a joke', null),
  q('why did my credit rating drop after the mortgage application', null),
];

/**
 * Written on 2026-12-07 after the tie rule (three or more articles tied on their text alone share
 * the confidence) and the "never got it" phrase were final, and measured once: a check of those
 * changes on questions they were not made with. Everyday wording, several with the words many
 * articles use in passing ("delivered", "never", "account", "email").
 */
export const afterTieRuleQuestions: readonly RetrievalQuestion[] = [
  q(
    'the app says my parcel was delivered yesterday but there is nothing at my door',
    'late-or-missing-order',
  ),
  q('you sent me the wrong colour of towel', 'damaged-faulty-or-wrong-item'),
  q('my toaster stopped working after two months, is it covered', 'product-warranty'),
  q('can I still cancel, the order only went in ten minutes ago', 'change-or-cancel-an-order'),
  q('how do I get a copy of my receipt for the blender', 'download-an-invoice'),
  q('what day will my acme plus payment come out each month', 'billing-date'),
  q('why was I charged more this month than last month', 'why-did-my-charge-change'),
  q('I want to swap the duvet for a bigger size', 'exchange-an-item'),
  q(
    'can someone else collect the parcel for me or can you leave it with a neighbour',
    'rearrange-a-delivery',
  ),
  q('is the stand mixer coming back in stock soon', 'stock-and-pre-orders'),
  q('how do I unsubscribe from your marketing emails', 'newsletter-and-email-preferences'),
  q('please delete my account and all my data', 'close-your-account'),
  q('I would like a copy of the personal data you hold about me', 'privacy-data-requests'),
  q('can I pause my plus membership while I am travelling', 'pause-or-skip-acme-plus'),
  q('what is included in acme plus and how much is it', 'acme-plus-plans'),
  q('my card expired, how do I put the new one on my account', 'update-your-card'),
  q('the payment keeps getting declined at checkout', 'failed-payment'),
  q('my discount code says invalid', 'discount-codes-and-gift-cards'),
  q('can I send an order as a present with no prices on the slip', 'gift-orders'),
  q('how many days do I have to send something back', 'return-an-item'),
  q('when will the money from my return be back on my card', 'refund-timing'),
  q('what sizes do your bath towels come in', 'sizes-and-dimensions'),
  q('can I put my cast iron pan in the dishwasher', 'caring-for-your-products'),
  q('I keep getting logged out and the website shows an error page', 'website-and-app-problems'),
  q('I have two accounts with different emails, can they be merged', 'more-than-one-account'),
  q('how do I leave a review of something I bought', 'reviews'),
  q('I want to make a complaint about the courier', 'feedback-and-complaints'),
  q('is there a fee if I cancel my plus membership in the first year', 'fees-and-charges'),
  q('where do I find the order number', 'find-your-order-number'),
  q('I never got an email confirming my order', 'order-confirmation'),
  q('can you recommend a good restaurant near me', null),
  q('what is the weather going to be like on saturday', null),
  q('help me write a cover letter', null),
  q('who won the football last night', null),
  q('what is the capital of australia', null),
];

/**
 * Written on 2026-12-07 to measure fresh wording that names the thing bought ("the kettle", "the
 * rug") the way customers do, beside some questions that name nothing and questions outside the
 * shop's help that also name things. Measured with the scorer as it was, with lighter weights for
 * every word the knowledge base never uses (not kept), and with lighter weights for words for things
 * a shop sells (thing-words.ts, kept; its misses had been seen when the list was written, so
 * `afterThingWordsQuestions` is the fair check of it). bench/README has the figures.
 */
export const productWordQuestions: readonly RetrievalQuestion[] = [
  q('the kettle I got on Friday leaks from the bottom', 'damaged-faulty-or-wrong-item'),
  q('my new headphones stopped charging after three weeks, can I get them fixed', 'product-warranty'),
  q('I changed my mind about the cushion covers, how do I send them back', 'return-an-item'),
  q('can I swap the rug for the larger one', 'exchange-an-item'),
  q('how long do the bedsheets take to arrive', 'delivery-times'),
  q('can I change the address on the order for the bookshelf before it ships', 'change-delivery-address'),
  q('I ordered the wrong size duvet cover, can I cancel it', 'change-or-cancel-an-order'),
  q('what are the measurements of the oak side table', 'sizes-and-dimensions'),
  q('how should I wash the linen napkins', 'caring-for-your-products'),
  q('when will the coffee grinder be back in stock', 'stock-and-pre-orders'),
  q('I need an invoice for the office chair for my company', 'download-an-invoice'),
  q('the vase arrived smashed into pieces', 'damaged-faulty-or-wrong-item'),
  q("I got someone else's blender instead of my toaster", 'damaged-faulty-or-wrong-item'),
  q("my refund for the returned lamp hasn't shown up yet", 'refund-timing'),
  q('how do I ask for a refund on the curtains', 'request-a-refund'),
  q('the parcel with my new pillows never turned up', 'late-or-missing-order'),
  q('is the guarantee on the microwave still valid if I lost the receipt', 'product-warranty'),
  q('can I pay for the sofa with paypal', 'accepted-payment-methods'),
  q('do you deliver the dining table to Ireland', 'international-shipping'),
  q('I want to write a review for the desk lamp I bought', 'reviews'),
  q('can I send the candle set as a gift to my mum', 'gift-orders'),
  q('how much does next day delivery cost for a small parcel', 'shipping-options-and-costs'),
  q("my code for 10% off the bath mat isn't working", 'discount-codes-and-gift-cards'),
  q('I saw the same toaster cheaper on another site, will you match it', 'price-match-and-price-drops'),
  q("I'm not in on Thursday when the wardrobe is due, can I change the day", 'rearrange-a-delivery'),
  q('how do I turn on two step login', 'two-factor-authentication'),
  q("I can't get into my account, it says locked", 'account-locked'),
  q('how do I change the email I log in with', 'change-account-email'),
  q('why is my plus bill higher this month', 'why-did-my-charge-change'),
  q('I was billed twice for one order', 'charged-twice-or-wrong-amount'),
  q('what is a good recipe for banana bread', null),
  q('how do I fix a dripping tap in the bathroom', null),
  q('is it going to snow in Leeds tomorrow', null),
  q('what time does the post office shut on Saturdays', null),
  q('can you help me with my maths homework', null),
  q('which phone should I buy for my dad', null),
];

/**
 * Written on 2026-12-07 after the list of words for things a shop sells (thing-words.ts) was
 * final, before measuring it: fresh questions naming what was bought, and out-of-domain questions
 * naming things, measured once on the code before and after the list.
 */
export const afterThingWordsQuestions: readonly RetrievalQuestion[] = [
  q('the zip on my new hoodie broke the first time I wore it', 'damaged-faulty-or-wrong-item'),
  q('how do I send back the boots, they are too small', 'return-an-item'),
  q('can I exchange the sandals for a size 6', 'exchange-an-item'),
  q('when will my refund for the returned toaster reach my account', 'refund-timing'),
  q('my blanket order still has not arrived and it was due on Monday', 'late-or-missing-order'),
  q('is the two year warranty valid on the hairdryer', 'product-warranty'),
  q('can I clean the saucepan in the dishwasher', 'caring-for-your-products'),
  q('how wide is the wardrobe', 'sizes-and-dimensions'),
  q('are the pillowcases going to be back in stock', 'stock-and-pre-orders'),
  q('I need a receipt for the printer for my expenses', 'download-an-invoice'),
  q('can I still cancel the order for the armchair', 'change-or-cancel-an-order'),
  q('the teapot came with a chip in the spout', 'damaged-faulty-or-wrong-item'),
  q('do you ship the bike to France', 'international-shipping'),
  q('can I use a gift card to pay for the headboard', 'discount-codes-and-gift-cards'),
  q('how do I leave a review for the kettle', 'reviews'),
  q('what does delivery cost for a sofa', 'shipping-options-and-costs'),
  q('can I have the lamp delivered to a different address', 'change-delivery-address'),
  q('I was charged twice for the rug', 'charged-twice-or-wrong-amount'),
  q('can I send the candles to my sister as a present', 'gift-orders'),
  q('the parcel with the duvet says delivered but I do not have it', 'late-or-missing-order'),
  q('how do I get the stain out of my white jeans', null),
  q('what is the best laptop for a student', null),
  q('how do I assemble a bookshelf from another shop', null),
  q('which football boots do professional players wear', null),
];
