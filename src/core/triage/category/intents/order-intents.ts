/** Fine intents of `order_status` (where an order is, whether it went through, changing or cancelling it) and placing an order (`other`). */
import { type FineIntent, intent } from './intent.ts';

export const orderIntents: readonly FineIntent[] = [
  intent(
    'order.where',
    'order_status',
    `
    where is my order
    wheres my order??
    any news on my order
    what is the status of my order
    can you tell me where my stuff is
    i ordered a week ago and still nothing, where is it
    order 20417, where is it at
    has my order been sent
    has my order shipped yet
    is my order on its way
    when will my order come
    when is my order going to arrive
    i am waiting for my order, what is happening
    whats happening with my order
    update on my order please
    any idea when my kettle will get here
    how far away is my parcel
    i need to know where my order is, i have been waiting ages
    is it dispatched yet or not
    status of order pls
    wher is my ordr
    `,
  ),
  intent(
    'order.tracking',
    'order_status',
    `
    how do i track my order
    can i have my tracking number
    where do i find the tracking link
    the tracking link does not work
    tracking number not recognised by the courier
    tracking has not updated for days
    send me the tracking info again
    i never got a tracking email
    how can i follow my parcel
    tracking says label created but nothing since
    is there a way to track my delivery
    what does in transit mean on my tracking
    the tracking page shows an error
    trackin number plz
    `,
  ),
  intent(
    'order.confirmation',
    'order_status',
    `
    i did not get an order confirmation
    no confirmation email after i paid
    did my order go through
    was my order placed or not
    i paid but there is no order in my account
    the page crashed at checkout, did it work
    how do i know my order was successful
    i got charged but no confirmation, is the order real
    can you confirm you have my order
    i never received the order email, is that normal
    nothing in my inbox after ordering
    confirmation email went missing
    `,
  ),
  intent(
    'order.number',
    'order_status',
    `
    how do i find my order number
    where is my order number
    i lost my order number
    what is my order number
    can you look up my order with my email
    where can i see my past orders
    show me my order history
    i need the order reference for my bank
    where do i see what i ordered before
    order number is not in the email, where else
    `,
  ),
  intent(
    'order.cancel',
    'order_status',
    `
    i want to cancel my order
    cancel my order please
    how do i cancel an order
    can i still cancel my order
    please cancel order 55102
    i ordered by mistake, cancel it
    stop my order before it ships
    i dont want the order anymore
    i changed my mind, can you cancel
    is it too late to cancel
    how do i cancel an order i placed as a guest
    there is no cancel button
    i placed the same order twice, cancel one of them
    cancle my order asap
    can u cancel what i just bought
    `,
  ),
  intent(
    'order.change',
    'order_status',
    `
    can i change my order
    i want to add an item to my order
    can i remove something from my order
    change the colour of my order from grey to green
    can i change the quantity on my order
    i ordered the wrong size, can i change it before it ships
    add a second mug to order 31200
    can you swap an item in my order
    edit my order please
    can i combine two orders into one delivery
    i forgot to use my discount code, can you change the order
    can i upgrade the delivery on an order i placed
    `,
  ),
  intent(
    'order.stuck',
    'order_status',
    `
    my order has been processing for days
    why has my order not shipped yet
    order still says received after a week
    my order is stuck on packed
    the status has not changed since monday
    why is it taking so long to send my order
    it says preparing for ages, is something wrong
    what does processing mean and how long does it last
    nothing has moved on my order for four days
    `,
  ),
  intent(
    'order.cancelled',
    'order_status',
    `
    why was my order cancelled
    my order got cancelled and i did not cancel it
    you cancelled my order without telling me
    order cancelled automatically, what happened
    i got an email saying my order was cancelled, why
    will i get my money back for the cancelled order
    `,
  ),
  intent(
    'order.partial',
    'order_status',
    `
    part of my order is missing
    one item was not in my parcel
    i only got half my order
    the box was missing the lid i ordered
    where is the rest of my order
    my order came in two parcels and one has not arrived
    why did my order arrive in separate boxes
    i got the plates but not the bowls
    an item from my order never came
    `,
  ),
  intent(
    'order.place',
    'other',
    `
    how do i place an order
    i cant complete my order
    checkout keeps failing
    how do i order by phone
    can i order without an account
    the basket keeps emptying itself
    how do i buy something on your site
    i cannot press the place order button
    can i order for delivery to someone else
    is there a maximum number of items per order
    `,
  ),
];
