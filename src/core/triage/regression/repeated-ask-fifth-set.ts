/**
 * A fifth paraphrase set for repeated asks, written for Baton and the Acme demo on 2026-12-06
 * (02:01 UTC) *after* the slot vocabulary of commit 9e299ab was final, and never used to change the
 * detector: reported on its own by bench/triage/repeated-asks.ts. Same shape as
 * repeated-ask-set.ts. Customers write as they do: short, long, misspelt, annoyed.
 */
import type { AskSequence } from './repeated-ask-set.ts';

const family = (name: string, a: string, b: string, c: string): AskSequence => ({ name, asks: [a, b, c] });

export const fifthRepeatFamilies: readonly AskSequence[] = [
  family(
    'courier says delivered',
    'tracking says delivered but nothing came',
    'the app shows my parcel was handed over, i dont have it',
    'it was marked as delivered and it is not here, what now',
  ),
  family(
    'refund amount short',
    'you refunded me less than i paid',
    'the refund was 12 pounds short',
    'why didnt i get the full amount back',
  ),
  family(
    'plus price went up',
    'why has my plus fee gone up',
    'the membership costs more this month than last',
    'nobody told me the subscription price was increasing',
  ),
  family(
    'toaster burns one side',
    'my toaster only browns one side of the bread',
    'one slot of the toaster barely gets warm',
    'half of my toast comes out pale, is the toaster faulty',
  ),
  family(
    'jacket zip broke',
    'the zip on my new coat has come off',
    'the jacket zipper snapped the second time i wore it',
    'my coat cant be done up any more, the zip is broken',
  ),
  family(
    'name on account wrong',
    'my name is spelt wrong on my account',
    'how do i fix the spelling of my surname on the profile',
    'can you correct my name, it has a typo',
  ),
  family(
    'two accounts merge',
    'i have two acme accounts, can they be combined',
    'can you merge my old account into my new one',
    'i want one account instead of two',
  ),
  family(
    'basket empties',
    'my basket keeps emptying itself',
    'every time i log back in the things i added are gone',
    'why does my cart lose everything i put in it',
  ),
  family(
    'klarna payment question',
    'can i use klarna',
    'do you accept paying with klarna at checkout',
    'is klarna one of your payment options',
  ),
  family(
    'parcel left outside',
    'the driver left my parcel in the rain outside',
    'my box was dumped on the doorstep and got soaked',
    'why was my delivery just left out in the open',
  ),
  family(
    'order wrong address typo',
    'i put the wrong house number on my order',
    'my address has a mistake, it should be 14 not 41',
    'can you fix the door number on the delivery before it goes out',
  ),
  family(
    'extra charge on card',
    'theres an extra 4.99 on my card i dont recognise',
    'what is this 4.99 charge from acme',
    'you took 4.99 from me and i dont know why',
  ),
  family(
    'return not received',
    'did you get my return yet',
    'i sent the parcel back two weeks ago, has it arrived at your warehouse',
    'can you confirm my returned item reached you',
  ),
  family(
    'plus free trial end',
    'when does my free trial finish',
    'how many days of the plus trial do i have left',
    'what date will i start being charged for the trial',
  ),
  family(
    'vacuum loses suction',
    'my vacuum has lost suction',
    'the hoover barely picks anything up now',
    'the cleaner isnt sucking properly any more, its only 3 months old',
  ),
  family(
    'cant find order in history',
    'my order isnt showing in my account',
    'i cant see my last purchase in order history',
    'why is my recent order missing from my orders page',
  ),
  family(
    'change payment method on order',
    'can i pay for my order with a different card',
    'i want to switch the card used for this order',
    'is it possible to change how i paid for order 2290',
  ),
  family(
    'bed sheets size',
    'will the double sheets fit a king size bed',
    'are your double fitted sheets big enough for a king mattress',
    'do the sheets come in a size for a king bed',
  ),
  family(
    'misspelt password',
    'i forgot my pasword',
    'how do i get back into my acount, i dont remember the password',
    'pasword reset pls',
  ),
  family(
    'missing receipt for return',
    'i lost the receipt, can i still return it',
    'do i need proof of purchase to send something back',
    'can i return an item without the receipt',
  ),
  family(
    'slow website',
    'your website is really slow today',
    'pages take forever to load on your site',
    'the acme site keeps timing out, is something wrong',
  ),
  family(
    'gift card not arrived',
    'i bought an e gift card and it never arrived',
    'the digital voucher i paid for wasnt emailed to my friend',
    'where is the gift card i bought yesterday',
  ),
  family(
    'charged for plus i never signed up',
    'i never joined plus so why am i paying for it',
    'theres a membership charge but i didnt sign up for anything',
    'i did not agree to a subscription, refund it',
  ),
  family(
    'order partly delivered',
    'only half of my order came',
    'i got the chairs but not the table',
    'the rest of my order hasnt turned up',
  ),
  family(
    'angry late order',
    'this order is a week late and nobody tells me anything',
    'seriously where is my stuff, it was due last tuesday',
    'still no delivery, this is ridiculous, when will it come',
  ),
  family(
    'unsubscribe texts',
    'how do i stop your text messages',
    'i keep getting sms offers from you, stop them',
    'please take my number off your marketing texts',
  ),
  family(
    'heater smells',
    'the new heater gives off a burning smell',
    'theres a strong plastic smell when the heater is on',
    'is it safe that my heater smells hot',
  ),
  family(
    'business plan seats',
    'how do i add people to our business plan',
    'can i give my team members access to the business account',
    'i need to invite colleagues onto our acme business plan',
  ),
  family(
    'reorder same items',
    'can i order the same things as last time',
    'is there a quick way to buy my previous order again',
    'how do i repeat an old order',
  ),
  family(
    'delivery note not in box',
    'there was no delivery note in my parcel',
    'the box came without a packing slip',
    'i need the delivery note that should have been in the box',
  ),
];

export const fifthRepeatControls: readonly AskSequence[] = [
  family(
    'delivered then neighbour',
    'tracking says delivered',
    'could a neighbour have taken it',
    'how do i report it as lost',
  ),
  family(
    'refund amount then method',
    'how much will i get refunded',
    'will it go back to paypal',
    'do you refund the original delivery charge too',
  ),
  family(
    'plus price then perks',
    'how much is plus now',
    'do members get birthday offers',
    'is there a family version',
  ),
  family(
    'toaster then kettle',
    'is the toaster dishwasher safe',
    'does the matching kettle come in grey',
    'can i buy them together as a set',
  ),
  family(
    'jacket sizing then care',
    'does the coat come up big',
    'can it go in the washing machine',
    'is it waterproof',
  ),
  family(
    'name then email',
    'how do i change my name on the account',
    'and my email',
    'will my order history stay the same',
  ),
  family(
    'basket then wishlist',
    'how long do items stay in my basket',
    'can i save things to a wishlist',
    'can i share the wishlist with family',
  ),
  family(
    'klarna then fees',
    'can i use klarna',
    'are there any fees for paying later',
    'what happens if i miss an instalment',
  ),
  family(
    'left outside then photo',
    'my parcel was left outside',
    'does the driver take a photo when they deliver',
    'can i add delivery instructions for next time',
  ),
  family(
    'address then phone number',
    'can i change the delivery address',
    'how do i update my phone number',
    'will the courier text me on the new number',
  ),
  family(
    'charge then statement name',
    'why was i charged 4.99',
    'what name appears on my bank statement for acme',
    'can i get a receipt for that 4.99',
  ),
  family(
    'return received then refund time',
    'have you received my return',
    'how long until the refund is processed',
    'will i get an email when it is done',
  ),
  family(
    'trial then cancel then rejoin',
    'how long is the plus trial',
    'if i cancel during the trial will i be charged',
    'can i have another trial later',
  ),
  family(
    'vacuum then filters',
    'how often should i change the vacuum filter',
    'where can i buy replacement filters',
    'are the bags universal',
  ),
  family(
    'order history then download',
    'where is my order history',
    'can i download it as a spreadsheet',
    'how far back does it go',
  ),
  family(
    'card then saved cards',
    'which cards do you accept',
    'how do i save a card for next time',
    'how do i remove an old saved card',
  ),
  family(
    'sheets then pillows',
    'do the sheets come in king size',
    'do you sell matching pillowcases',
    'what thread count are they',
  ),
  family(
    'password then two factor',
    'i forgot my password',
    'ok im in. how do i turn on two step login',
    'what if i lose my phone',
  ),
  family(
    'receipt then exchange',
    'can i return without a receipt',
    'can i exchange instead of a refund',
    'can i swap it in a store',
  ),
  family('website then app', 'the website is slow', 'do you have an app', 'is the app on android'),
  family(
    'gift card then balance then expiry',
    'how do i send an e gift card',
    'how can my friend check the balance',
    'does it expire',
  ),
  family(
    'membership then business',
    'what does plus include',
    'is there a plan for companies',
    'can a business pay by invoice',
  ),
  family(
    'partial delivery then assembly',
    'only the chairs came, not the table',
    'ok thanks. do you offer assembly for the table',
    'how much does assembly cost',
  ),
  family(
    'late then compensation then cancel',
    'my order is late',
    'will i get my delivery fee back for the delay',
    'can i cancel the rest if it doesnt come by friday',
  ),
  family(
    'texts then emails',
    'how do i stop text messages from you',
    'can i still get order updates by email',
    'how do i change which emails i get',
  ),
  family(
    'heater then timer',
    'does the heater have a thermostat',
    'can i set a timer on it',
    'how much does it cost to run',
  ),
  family(
    'business seats then billing',
    'how do i add someone to our business plan',
    'who gets the invoice for the plan',
    'can we pay yearly',
  ),
  family(
    'reorder then price changes',
    'can i repeat an old order',
    'will it use todays prices',
    'what if something is out of stock',
  ),
  family(
    'delivery note then gift',
    'is there a price on the delivery note',
    'can i send it as a gift without prices',
    'can you include a message for the recipient',
  ),
  family(
    'two orders two questions',
    'where is order 6610',
    'when will order 7702 arrive',
    'can orders 6610 and 7702 be sent together',
  ),
];
