/**
 * A fourth paraphrase set for repeated asks, written for Baton and the Acme demo on 2026-12-06
 * (01:50 UTC) *after* the detector with (action, object) slots was final (commit 7aa6fb1), and
 * never used to change it: reported on its own by bench/triage/repeated-asks.ts. Same shape as
 * repeated-ask-set.ts: a family asks one thing three times in different words, a control asks
 * different things in a row (often about one order or one topic).
 */
import type { AskSequence } from './repeated-ask-set.ts';

const family = (name: string, a: string, b: string, c: string): AskSequence => ({ name, asks: [a, b, c] });

export const fourthRepeatFamilies: readonly AskSequence[] = [
  family(
    'parcel not moved',
    'my tracking hasnt changed since monday',
    'the parcel seems stuck, nothing new on the tracker for days',
    'why is my delivery not moving at all',
  ),
  family(
    'refund not on card',
    'you said my refund was processed but i cant see it',
    'the money for the returned toaster is not in my account',
    'where has my refund gone',
  ),
  family(
    'cancel subscription renewal',
    'i dont want plus to renew next month',
    'please turn off the automatic renewal on my membership',
    'how do i stop my subscription from renewing',
  ),
  family(
    'coffee machine leaking',
    'my coffee machine is leaking water everywhere',
    'theres a puddle under the coffee maker every time i use it',
    'water keeps dripping out of the bottom of the machine',
  ),
  family(
    'wrong size shoes',
    'the trainers you sent are a size too small',
    'i ordered a 9 and got an 8',
    'these shoes are the wrong size, what do i do',
  ),
  family(
    'email change',
    'how can i change the email on my account',
    'i have a new email address and want to use it to log in',
    'can you update my login email please',
  ),
  family(
    'locked out',
    'my account is locked',
    'it says too many attempts and wont let me in',
    'i cant get into my account at all',
  ),
  family(
    'discount code not working',
    'my discount code doesnt work',
    'the promo code says invalid at checkout',
    'why wont the voucher apply to my basket',
  ),
  family(
    'pay later options',
    'can i pay in instalments',
    'do you offer any way to split the payment',
    'is there a buy now pay later option',
  ),
  family(
    'order confirmation missing',
    'i never got an order confirmation email',
    'did my order actually go through? no email',
    'i have no confirmation of my purchase',
  ),
  family(
    'delivery slot change',
    'can i move my delivery to another day',
    'i wont be home on thursday, can it come friday',
    'is it possible to rearrange the delivery date',
  ),
  family(
    'missing item in box',
    'one of the three mugs wasnt in the box',
    'my order came with only two mugs instead of three',
    'a mug is missing from my parcel',
  ),
  family(
    'vat invoice for company',
    'i need a vat invoice for my business',
    'can i get an invoice with my company name on it',
    'please send a proper tax invoice for the order, its for work',
  ),
  family(
    'price drop after purchase',
    'the lamp i bought last week is now cheaper',
    'can i get the difference back now that the price went down',
    'you reduced the price two days after i paid, do i get a partial refund',
  ),
  family(
    'return window',
    'how long do i have to return something',
    'whats the deadline for sending items back',
    'how many days is the return period',
  ),
  family(
    'delete account',
    'please delete my account',
    'i want all my details removed and the account closed',
    'how do i get rid of my acme account for good',
  ),
  family(
    'headphones no sound',
    'my headphones have no sound in the left ear',
    'only the right side of the headphones plays anything',
    'the left earcup stopped working',
  ),
  family(
    'card declined',
    'my card keeps getting declined at checkout',
    'payment fails every time i try to pay',
    'why is my bank card being refused on your site',
  ),
  family(
    'student discount',
    'do you have a student discount',
    'is there any offer for students',
    'i am at university, can i get money off',
  ),
  family(
    'gift wrapping',
    'can you gift wrap my order',
    'is it possible to have the present wrapped',
    'do you offer wrapping for gifts',
  ),
  family(
    'collect return from home',
    'can someone pick up the return from my house',
    'i cant get to a drop off point, can the courier collect it',
    'do you do collections for returns',
  ),
  family(
    'pause subscription',
    'can i pause my plan for a couple of months',
    'i am travelling, is there a way to put my membership on hold',
    'i want to freeze my subscription while im away',
  ),
  family(
    'damaged on arrival',
    'the lamp arrived smashed',
    'the glass shade was in pieces when i opened the box',
    'my lamp came broken',
  ),
  family(
    'refund to different card',
    'my old card is cancelled, where will the refund go',
    'can you send the refund to a different card',
    'the card i paid with no longer exists, how do i get my money',
  ),
  family(
    'order stuck processing',
    'my order has said processing for a week',
    'why hasnt my order been dispatched yet',
    'its been seven days and it still hasnt shipped',
  ),
  family(
    'unsubscribe emails',
    'stop sending me marketing emails',
    'how do i unsubscribe from your newsletters',
    'i get too many promo emails from you, make them stop',
  ),
  family(
    'charged after cancelling',
    'i cancelled plus but you still charged me',
    'why did i pay for the membership after i ended it',
    'there is a plus payment this month even though i cancelled',
  ),
  family(
    'delivery to work address',
    'can i have it delivered to my office instead',
    'please send the parcel to my work address',
    'i want to change where it goes to my workplace',
  ),
  family(
    'how to use warranty',
    'how do i make a warranty claim',
    'the blender broke after 8 months, is it covered by the guarantee',
    'what do i do to claim under warranty',
  ),
  family(
    'phone number for support',
    'what is your phone number',
    'is there a number i can ring',
    'how do i call you',
  ),
];

export const fourthRepeatControls: readonly AskSequence[] = [
  family(
    'tracking then signature',
    'where is my parcel',
    'will i need to sign for it',
    'can the driver leave it with a neighbour',
  ),
  family(
    'refund then return cost',
    'when will my refund arrive',
    'do i pay for the return postage',
    'can i return it to a shop instead',
  ),
  family(
    'plan price then features',
    'how much is acme plus a month',
    'does it include free returns',
    'can i share it with my partner',
  ),
  family(
    'coffee machine setup then descale',
    'how do i set up the coffee machine',
    'what coffee pods does it take',
    'how often should i descale it',
  ),
  family(
    'size guide then exchange',
    'do the trainers run small',
    'is there a size guide',
    'if they dont fit can i swap for a bigger pair',
  ),
  family(
    'password then name',
    'i forgot my password',
    'got it thanks. how do i change the name on my account',
    'can i add a second delivery address',
  ),
  family(
    'voucher then expiry',
    'where do i enter a discount code',
    'can i use two codes at once',
    'when does my gift voucher expire',
  ),
  family(
    'payment then invoice',
    'can i pay with paypal',
    'will i get a receipt by email',
    'can the invoice show my company name',
  ),
  family(
    'delivery day then time',
    'do you deliver on sundays',
    'can i choose a time slot',
    'will the driver call before coming',
  ),
  family(
    'missing item then refund method',
    'an item is missing from my order',
    'ok, will it be sent separately',
    'how will i know when it ships',
  ),
  family(
    'international then customs',
    'do you ship to canada',
    'how much is shipping there',
    'will my customer have to pay import duty',
  ),
  family(
    'price match then stock',
    'do you price match other shops',
    'when will the grey sofa cushions be back in stock',
    'can i reserve a set',
  ),
  family(
    'return label then drop off',
    'how do i print a return label',
    'i dont have a printer',
    'where is my nearest drop off point',
  ),
  family(
    'delete account then data',
    'how do i delete my account',
    'what happens to my order history',
    'will i still get my refund that is pending',
  ),
  family(
    'headphones pairing then battery',
    'how do i pair the headphones with my phone',
    'how long does the battery last',
    'can i use them while charging',
  ),
  family(
    'card declined then other method',
    'my card was declined',
    'ok it worked with another card. is my order confirmed',
    'when will it be delivered',
  ),
  family(
    'student then newsletter',
    'do you have student discount',
    'how do i sign up for the newsletter',
    'do subscribers get early access to sales',
  ),
  family(
    'gift wrap then message',
    'can you gift wrap it',
    'can i add a card with a message',
    'will the receipt be left out of the box',
  ),
  family(
    'pause then downgrade',
    'can i pause my membership',
    'what is the cheapest plan',
    'will i lose my saved points if i downgrade',
  ),
  family(
    'damaged then keep parts',
    'my lamp arrived broken',
    'do you need photos of it',
    'should i throw the broken glass away or send it back',
  ),
  family(
    'order status then add item',
    'has my order shipped',
    'can i still add something to it',
    'can i use my plus free delivery on the new item',
  ),
  family(
    'unsubscribe then privacy',
    'how do i stop marketing emails',
    'do you sell my data to other companies',
    'can i download everything you hold about me',
  ),
  family(
    'charge then plan change',
    'why was i charged for plus this month',
    'ok i see it renewed. can i switch to yearly billing',
    'is yearly cheaper',
  ),
  family(
    'office delivery then opening',
    'can you deliver to my office',
    'what time do your drivers stop delivering',
    'are you open on bank holidays',
  ),
  family(
    'warranty then spare parts',
    'how long is the warranty on the blender',
    'can i buy a spare jug',
    'is the blade dishwasher safe',
  ),
  family(
    'phone then email support',
    'what is your phone number',
    'what are the phone lines opening hours',
    'can i email you instead',
  ),
  family(
    'greeting then two questions',
    'hi there',
    'i need help with order 3381',
    'can i change the colour of the rug on it',
  ),
  family(
    'same topic, two orders',
    'where is order 4417',
    'thanks, and where is order 5120',
    'are they coming together',
  ),
  family(
    'thanks then new topic',
    'how do i reset my password',
    'that worked, thank you',
    'do you sell replacement filters for the water jug',
  ),
  family(
    'complaint then compensation',
    'the driver threw my parcel over the fence',
    'i want to make a formal complaint',
    'is there any compensation for the damaged box',
  ),
];
