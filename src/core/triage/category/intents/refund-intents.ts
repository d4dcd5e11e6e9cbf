/** Fine intents of `refund` and `payment_dispute`: money back, returns, exchanges, contested charges. */
import { type FineIntent, intent } from './intent.ts';

export const refundIntents: readonly FineIntent[] = [
  intent(
    'refund.timing',
    'refund',
    `
    when will i get my refund
    how long do refunds take
    where is my refund
    i returned it two weeks ago, still no money
    has my refund been processed
    how many days until the refund shows on my card
    my refund has not arrived
    you said refund issued but it is not in my account
    still waiting for my money back
    when do i get my money back
    refund status please
    `,
  ),
  intent(
    'refund.request',
    'refund',
    `
    i want a refund
    how do i get a refund
    can i get my money back
    i would like a refund for my order
    refund me please
    how do i ask for a refund
    can you refund the toaster
    i want my money back for the broken kettle
    `,
  ),
  intent(
    'refund.policy',
    'refund',
    `
    what is your refund policy
    how long do i have to return something
    can i return sale items
    is there a time limit for refunds
    can i get a refund after 30 days
    do you refund delivery costs
    can i return something i used once
    what items cannot be returned
    `,
  ),
  intent(
    'refund.return',
    'refund',
    `
    how do i return an item
    how do i send something back
    how do i get a return label
    where do i send my return
    can the courier collect my return
    do i have to pay for return postage
    i lost the return label
    where is my nearest drop off point for returns
    do i need the original box to return it
    `,
  ),
  intent(
    'refund.exchange',
    'refund',
    `
    can i exchange an item
    can i swap it for a different size
    i want a different colour instead
    how do i exchange for the bigger one
    can i change it for another model
    how long does an exchange take
    `,
  ),
  intent(
    'refund.faulty',
    'refund',
    `
    my item arrived broken
    the pan came damaged
    the kettle stopped working after a week
    i got the wrong item
    you sent me the wrong colour
    the mug was cracked in the box
    it is faulty, can i get a replacement
    item arrived with a dent
    the lamp does not switch on
    can you send a replacement
    `,
  ),
  intent(
    'refund.amount',
    'refund',
    `
    my refund was less than i paid
    why was i only partly refunded
    the refund is the wrong amount
    you did not refund the delivery charge
    refund missing a few pounds
    `,
  ),
  intent(
    'dispute.charged_twice',
    'payment_dispute',
    `
    i was charged twice
    there are two payments for one order
    you took my money twice
    double charge on my card
    i paid twice by mistake
    duplicate payment for the same order
    `,
  ),
  intent(
    'dispute.wrong_amount',
    'payment_dispute',
    `
    i was charged the wrong amount
    you charged me more than the price at checkout
    i was charged for an order i cancelled
    charged after i cancelled my membership
    money taken but no order was placed
    a pending charge has not dropped off
    i want to dispute a charge
    i am going to do a chargeback
    `,
  ),
];
