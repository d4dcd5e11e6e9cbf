/** Fine intents of `product_question`, `complaint` and `other`: Acme's products, complaints, contacting Acme. */
import { type FineIntent, intent } from './intent.ts';

export const productIntents: readonly FineIntent[] = [
  intent(
    'product.size',
    'product_question',
    `
    what size is the duvet cover
    how big is the storage box
    what are the dimensions of the rug
    will a king size cover fit a super king duvet
    how tall is the lamp
    how many litres is the kettle
    what size pan should i get
    `,
  ),
  intent(
    'product.care',
    'product_question',
    `
    is the pan dishwasher safe
    can the knives go in the dishwasher
    how do i clean the kettle
    how do i descale it
    can i wash the duvet cover at 60
    does the pan work on induction
    can the dish go in the oven
    `,
  ),
  intent(
    'product.warranty',
    'product_question',
    `
    is it under warranty
    how long is the guarantee on the toaster
    my blender broke after a year, is it covered
    will you repair it for free
    how do i make a warranty claim
    `,
  ),
  intent(
    'product.stock',
    'product_question',
    `
    is the rug in stock
    when will the mugs be back in stock
    can you tell me when it is available again
    do you have the lamp in blue
    is this sold out for good
    `,
  ),
  intent(
    'product.codes',
    'product_question',
    `
    my discount code does not work
    the promo code is not applying
    can i use two discount codes
    how do i buy a gift card
    how do i check my gift card balance
    my voucher has expired, can you extend it
    do you price match
    `,
  ),
  intent(
    'complaint.make',
    'complaint',
    `
    i want to make a complaint
    how do i complain
    i am not happy with the service
    this is the worst service i have had
    the driver was rude
    the quality is terrible
    i want to escalate my complaint
    nobody has answered my emails for a week
    i am very disappointed with my order
    `,
  ),
  intent(
    'other.contact',
    'other',
    `
    how do i contact you
    what is your phone number
    do you have an email address
    is there a number i can call
    where is your head office
    whats the best way to get hold of someone at acme
    can i write to you by post
    is there a whatsapp number
    `,
  ),
  // Opening hours are their own question: "what's your number" then "when are you open" are two asks.
  intent(
    'other.hours',
    'other',
    `
    what are your opening hours
    when is customer service open
    are you open on sundays
    what time do you close today
    is the helpline open on bank holidays
    until what time can i call
    are you around at the weekend
    when do your phone lines open in the morning
    `,
  ),
  intent(
    'other.feedback',
    'other',
    `
    how do i leave a review
    i want to give feedback
    can i review a product
    i have a suggestion for your website
    just wanted to say the delivery was great
    `,
  ),
];
