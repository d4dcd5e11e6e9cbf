/** Fine intents of `billing`: invoices, payment methods, failed payments, cards, Acme Plus and its charges. */
import { type FineIntent, intent } from './intent.ts';

export const billingIntents: readonly FineIntent[] = [
  intent(
    'billing.invoice',
    'billing',
    `
    where can i download my invoice
    i need a receipt for my order
    can you send me an invoice
    how do i get a vat invoice
    where are my invoices from last month
    i need copies of all my receipts for this year
    can i get one monthly statement
    how do i print a receipt
    my accountant needs the invoices
    `,
  ),
  // What an invoice says (names, VAT numbers, addresses) is a different ask from getting one.
  intent(
    'billing.invoice_details',
    'billing',
    `
    can the invoice show my company name
    the invoice has the wrong address on it
    please add our vat number to the receipt
    can you put my business name on the invoice instead of mine
    the name on my receipt is spelt wrong
    i need the invoice made out to my employer
    can you reissue the invoice with the correct billing address
    `,
  ),
  intent(
    'billing.payment_methods',
    'billing',
    `
    what payment methods do you accept
    do you take paypal
    can i pay with apple pay
    do you accept american express
    can i pay by bank transfer
    can i pay with two cards
    can i use google pay
    do you take cash on delivery
    `,
  ),
  // Spreading the cost is its own question, not one more payment method.
  intent(
    'billing.pay_later',
    'billing',
    `
    can i pay in instalments
    is klarna available
    can i spread the cost of the sofa over a few months
    do you offer buy now pay later
    can i pay monthly for a big order
    is there interest free credit
    can i split the payment into three
    `,
  ),
  intent(
    'billing.failed_payment',
    'billing',
    `
    my payment was declined
    my card keeps getting rejected
    payment failed at checkout
    why wont my card go through
    the payment did not work but my bank says it is fine
    error when i try to pay
    my membership payment failed
    paypal payment not going through
    card declined again, what is wrong
    `,
  ),
  intent(
    'billing.update_card',
    'billing',
    `
    how do i update my card
    i have a new card, how do i change it
    change the card for my membership
    how do i remove a saved card
    delete my old card details
    my card expired, how do i add the new one
    change my payment method
    `,
  ),
  intent(
    'billing.plans',
    'billing',
    `
    how much is acme plus
    what are the acme plus plans
    what does pro include
    what is the difference between basic and pro
    is the business plan worth it
    does plus give free delivery
    how much is the pro plan a month
    what do members get
    `,
  ),
  intent(
    'billing.change_plan',
    'billing',
    `
    how do i upgrade to pro
    can i downgrade my plan
    switch me to the basic plan
    i want to change my membership plan
    move my account to business
    how do i change from monthly to a different plan
    `,
  ),
  intent(
    'billing.cancel_membership',
    'billing',
    `
    how do i cancel acme plus
    cancel my membership
    i want to stop my subscription
    end my plus subscription
    how do i stop the monthly payments
    turn off auto renew
    i dont want acme plus anymore
    unsubscribe me from the membership
    cancel my pro plan please
    `,
  ),
  intent(
    'billing.date',
    'billing',
    `
    when will i be charged
    when is my next payment
    what day does the membership come out
    when is my billing date
    can i change my billing date
    when does my plan renew
    `,
  ),
  intent(
    'billing.charge_changed',
    'billing',
    `
    why did my charge change
    why was i charged more this month
    my membership price went up
    why is my bill higher than usual
    what is this extra amount on my statement
    why did you take a different amount
    `,
  ),
  intent(
    'billing.trial',
    'billing',
    `
    is there a free trial
    how long is the free trial
    will i be charged after the trial
    how do i cancel before the trial ends
    can i try pro for free
    do you remind me before the trial ends
    `,
  ),
  intent(
    'billing.fees',
    'billing',
    `
    is there a cancellation fee
    do i pay anything to cancel
    is there an early exit fee
    are there any hidden fees
    do you charge a restocking fee
    any surcharge on card payments
    what charges are there if i leave
    `,
  ),
];
