/**
 * A third paraphrase set for repeated asks, written for Baton and the Acme demo on 2026-12-05
 * (22:55 UTC) *after* the detector of that evening was final, and never used to change it: the
 * figure reported as "written after the detector". Same shape as repeated-ask-set.ts.
 */
import type { AskSequence } from './repeated-ask-set.ts';

const family = (name: string, a: string, b: string, c: string): AskSequence => ({ name, asks: [a, b, c] });

export const thirdRepeatFamilies: readonly AskSequence[] = [
  family(
    'bath towels faded',
    'my new bath towels lost their colour after one wash',
    'the towels came out of the machine much paler than they went in',
    'is it normal for acme towels to fade this fast',
  ),
  family(
    'plus free delivery',
    'does plus include free delivery',
    'if i join the membership do i stop paying for shipping',
    'will members get their parcels sent for nothing',
  ),
  family(
    'change card on plus',
    'how do i update the card my membership is paid with',
    'my plus payment card expired, where do i put the new one',
    'i need to swap the bank card for my subscription',
  ),
  family(
    'assembly service',
    'do you offer assembly for the wardrobe',
    'can someone put the wardrobe together when it is delivered',
    'is there a service to build the furniture for me',
  ),
  family(
    'cancel before dispatch',
    'can i still cancel, it has not shipped yet',
    'i changed my mind about the order, is it too late to stop it',
    'please cancel my order before it leaves the warehouse',
  ),
  family(
    'email not arriving',
    'i am not getting any emails from you',
    'your order confirmation never reached my inbox',
    'why do acme emails not come through to me',
  ),
  family(
    'discount code not working',
    'my discount code says invalid',
    'the promo code is not taking anything off the total',
    'the voucher you sent me gets rejected at checkout',
  ),
  family(
    'return postage cost',
    'do i have to pay to send a return',
    'is the returns label free',
    'will it cost me anything to post the item back',
  ),
  family(
    'delivery slot',
    'can i pick a delivery time',
    'is it possible to choose a morning slot for the sofa',
    'i need the delivery between 9 and 12, can you book that',
  ),
  family(
    'rug size',
    'how big is the large rug',
    'what are the measurements of the rug in the large size',
    'i need to know the rug dimensions before ordering',
  ),
  family(
    'refund to old card',
    'my refund went to a card i cancelled',
    'the card you refunded is closed, where does the money go now',
    'what happens to a refund paid to an account that no longer exists',
  ),
  family(
    'order confirmation missing',
    'i placed an order but got no confirmation',
    'did my order actually go through, i never got an email',
    'not sure if my purchase worked, nothing in my inbox',
  ),
  family(
    'lamp flickering',
    'the floor lamp flickers all the time',
    'my new lamp keeps blinking on and off',
    'the light from the acme lamp is unsteady, is it faulty',
  ),
  family(
    'change plus to yearly',
    'can i switch plus from monthly to annual',
    'i would rather pay for the membership once a year',
    'how do i move to the yearly plan',
  ),
  family(
    'password reset link',
    'the reset password link does not work',
    'i click the link in the email to reset my password and get an error',
    'cant change my password, the email link is broken',
  ),
  family(
    'delivery damaged box',
    'the box arrived crushed',
    'the parcel was all squashed when it came',
    'the courier delivered a badly damaged package',
  ),
  family(
    'item out of stock after order',
    'you took my money but now say the chair is out of stock',
    'i ordered a chair and got an email saying it is unavailable',
    'why was my order accepted if the chair was sold out',
  ),
  family(
    'children safety',
    'is the bunk bed safe for a five year old',
    'what age is the bunk bed suitable from',
    'can young children use the top bunk',
  ),
  family(
    'invoice email address',
    'can my invoices go to a different email',
    'i want receipts sent to my work address instead',
    'how do i change where my invoices are emailed',
  ),
  family(
    'order split',
    'why did my order come in two parcels',
    'half my order arrived today, is the rest coming separately',
    'i only got part of the order, will the other items follow',
  ),
  family(
    'account deletion',
    'please delete my acme account',
    'i want all my details removed and the account closed',
    'how do i get rid of my account for good',
  ),
  family(
    'price on app vs site',
    'the price in the app is higher than on the website',
    'why does the website show the mixer cheaper than the app',
    'the app and site have different prices for the same mixer',
  ),
  family(
    'replacement part',
    'can i buy a new lid for my casserole dish',
    'do you sell spare lids for the cast iron pot',
    'i broke the lid, is there a replacement i can order on its own',
  ),
  family(
    'parcel says delivered',
    'tracking says delivered but i have nothing',
    'it shows as delivered yet no parcel came',
    'the app claims my order arrived but it is not here',
  ),
];

export const thirdRepeatControls: readonly AskSequence[] = [
  family(
    'towels then bedding',
    'my bath towels faded in the wash',
    'how should i wash them',
    'do you sell matching bath mats',
  ),
  family(
    'plus price then delivery',
    'how much is plus',
    'does it include free delivery',
    'can i share the membership with my partner',
  ),
  family(
    'wardrobe delivery then assembly',
    'when will my wardrobe be delivered',
    'can i change the delivery date',
    'does it come with fixings for the wall',
  ),
  family(
    'cancel then refund time',
    'please cancel order 48213',
    'will i get an email to confirm it',
    'how long until the money is back',
  ),
  family(
    'code then minimum spend',
    'my discount code says invalid',
    'is there a minimum spend for it',
    'can i use it on sale items',
  ),
  family(
    'return label then drop off',
    'how do i print a return label',
    'where can i drop the parcel off',
    'do i need the original packaging',
  ),
  family(
    'slot then driver call',
    'can i pick a morning delivery slot',
    'will the driver phone before arriving',
    'how many people will carry the sofa in',
  ),
  family(
    'rug size then material',
    'how big is the large rug',
    'what is it made of',
    'is it ok on underfloor heating',
  ),
  family(
    'confirmation then change',
    'i did not get an order confirmation',
    'can i change the delivery address on it',
    'can i add another item to the same order',
  ),
  family(
    'lamp then bulb',
    'my floor lamp flickers',
    'what bulb does it take',
    'are the bulbs sold separately',
  ),
  family(
    'plus yearly then refund',
    'can i switch plus to yearly',
    'what happens to this month i already paid for',
    'is the yearly plan cheaper overall',
  ),
  family(
    'password then email',
    'i reset my password',
    'how do i change my email address too',
    'can i add a phone number to my account',
  ),
  family(
    'damaged box then photos',
    'the box arrived crushed but the item seems fine',
    'do you need photos of it',
    'can i recycle the packaging',
  ),
  family(
    'out of stock then alternative',
    'the chair i ordered is out of stock',
    'do you have a similar one in grey',
    'will the price be the same',
  ),
  family(
    'bunk bed then mattress',
    'what age is the bunk bed for',
    'which mattress fits it',
    'does delivery include taking the old bed away',
  ),
  family(
    'invoice email then vat',
    'can invoices go to my work email',
    'will they show vat',
    'can i get invoices for last year too',
  ),
  family(
    'split order then tracking',
    'why did my order come in two parcels',
    'where do i find tracking for the second one',
    'can i return just one of the items',
  ),
  family(
    'delete account then orders',
    'please delete my account',
    'what happens to my open order',
    'will you keep my invoices',
  ),
  family(
    'app price then app login',
    'the app shows a higher price than the site',
    'the app also logs me out all the time',
    'is there a dark mode in the app',
  ),
  family(
    'lid then oven safe',
    'do you sell spare lids for the casserole dish',
    'is the dish oven safe',
    'can it go in the dishwasher',
  ),
  family(
    'delivered then neighbour',
    'tracking says delivered',
    'ok my neighbour had it, thanks',
    'can i now book a return for one of the plates',
  ),
  family(
    'greeting then gift card',
    'hi there',
    'can i buy a gift card for my sister',
    'can it be emailed to her directly',
  ),
  family(
    'student then plus',
    'do you do a student discount',
    'can it be combined with plus',
    'how do i verify i am a student',
  ),
  family(
    'warranty then repair',
    'how long is the warranty on the mixer',
    'is it still covered if i bought it in a sale',
    'do you repair mixers or replace them',
  ),
];
