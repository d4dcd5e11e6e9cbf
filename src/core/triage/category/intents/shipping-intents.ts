/** Fine intents of `shipping` (costs, options, times, addresses, late parcels, collection) and parcels lost or marked delivered (`order_status`). */
import { type FineIntent, intent } from './intent.ts';

export const shippingIntents: readonly FineIntent[] = [
  intent(
    'shipping.cost',
    'shipping',
    `
    how much is delivery
    what does shipping cost
    is delivery free
    do you have free shipping
    how much do you charge for postage
    what is the minimum order for free delivery
    why am i paying for delivery
    delivery charge seems high, what are your rates
    how much is p&p
    is there a delivery fee on small orders
    how much to ship a rug
    `,
  ),
  intent(
    'shipping.options',
    'shipping',
    `
    do you do next day delivery
    what delivery options are there
    can i pay for faster delivery
    is express delivery available
    what time is the cut off for next day
    can i choose a delivery day
    do you offer same day delivery
    can i get it tomorrow
    can i pick a time slot for delivery
    how much is express and how quick is it
    nominated day delivery possible
    `,
  ),
  intent(
    'shipping.times',
    'shipping',
    `
    how long does delivery take
    how many days for standard delivery
    do you deliver on saturdays
    do you deliver at weekends
    what time of day do deliveries come
    how long until my order arrives after dispatch
    when do you dispatch orders
    do you deliver on bank holidays
    how quickly do you send things out
    how long is shipping to scotland
    `,
  ),
  intent(
    'shipping.international',
    'shipping',
    `
    do you ship abroad
    do you deliver to ireland
    can you send to france
    do you ship internationally
    will i have to pay customs
    who pays import duty
    how long does international delivery take
    can i order from the usa
    which countries do you deliver to
    how much is shipping to germany
    do you deliver outside the uk
    `,
  ),
  intent(
    'shipping.change_address',
    'shipping',
    `
    can i change the delivery address on my order
    i put the wrong address
    please send my order to a different address
    i moved house, can you redirect my parcel
    wrong postcode on my order, can you fix it
    change where my order is going
    can the parcel go to my work instead
    i need to update the address for my delivery
    typo in my address, will it still arrive
    `,
  ),
  intent(
    'shipping.saved_address',
    'shipping',
    `
    how do i save a delivery address
    how do i add a new address to my account
    how do i delete an old address
    can i set a default delivery address
    how do i edit my saved addresses
    remove my old flat from my addresses
    can i have more than one address saved
    update my address in my account
    `,
  ),
  intent(
    'shipping.late',
    'shipping',
    `
    my delivery is late
    my parcel should have come yesterday
    it was due on tuesday and still has not arrived
    why is my delivery delayed
    my order is overdue
    the estimated date has passed
    it has been 10 days and nothing
    delivery is taking way too long
    my parcel is late again
    still waiting on my delivery, it is past the date
    `,
  ),
  intent(
    'order.lost',
    'order_status',
    `
    my parcel is lost
    tracking says delivered but i never got it
    it says delivered but nothing is here
    the courier says delivered, not at my door
    my package went missing
    i think my parcel was stolen from my doorstep
    parcel delivered to the wrong house
    the driver left it somewhere and i cannot find it
    the courier lost my order
    `,
  ),
  intent(
    'shipping.collection',
    'shipping',
    `
    can i collect from a parcel locker
    do you deliver to pickup points
    is click and collect available
    can i pick up my order from a shop
    how long will my parcel stay at the locker
    where is my nearest collection point
    how do i choose a locker at checkout
    how much is collection from a locker
    `,
  ),
  intent(
    'shipping.instructions',
    'shipping',
    `
    can the driver leave it with a neighbour
    can you leave my parcel in a safe place
    can i add delivery instructions
    can i ask for it to be left in the porch
    please ask the driver to knock loudly
    leave it in the shed if nobody answers
    `,
  ),
  // A delivery already missed is a different ask from how to leave one.
  intent(
    'shipping.missed',
    'shipping',
    `
    what happens if i am not home
    i missed my delivery, what now
    the driver left a card, how do i rebook
    how do i rearrange a missed delivery
    i was out when they came, will they try again
    the courier came while i was at work, how do i get it now
    `,
  ),
  // Who carries parcels is asked on its own, often before any instruction.
  intent(
    'shipping.courier',
    'shipping',
    `
    which courier do you use
    who delivers my order
    what delivery company will bring it
    is it royal mail or a courier
    which firm is carrying my parcel
    who will the sofa come with
    `,
  ),
];
