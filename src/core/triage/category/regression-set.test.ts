import { beforeAll, describe, expect, it } from 'vitest';
import { type CategoryModel, defaultCategoryDefinitions, trainCategoryModel } from './index.ts';

/**
 * A fixed set of customer messages written for Baton (not taken from any data set), with the
 * category a support lead would file each under. The cold-start model must get every one right.
 */
const regressionSet: ReadonlyArray<readonly [string, string]> = [
  [
    'hey, my parcel was meant to come on tuesday and it still has not turned up, why is delivery so slow',
    'shipping',
  ],
  ['Can you ship to Norway and what does that cost?', 'shipping'],
  ['I typed my old address at checkout, can the delivery go to my new flat instead', 'shipping'],
  ['has order 4471902 left your warehouse yet?', 'order_status'],
  ['I need to cancel the order I placed an hour ago', 'order_status'],
  ['can I still add a second pair of socks to the order I made this morning', 'order_status'],
  ['I keep getting "incorrect password" even after resetting it twice', 'account_access'],
  ['the verification code text never arrives on my phone', 'account_access'],
  ['locked out of my account, help', 'account_access'],
  ['where do I download a VAT invoice for my last purchase', 'billing'],
  ['do you accept PayPal or only cards?', 'billing'],
  ['my card keeps getting declined at checkout', 'billing'],
  ['what would I pay if I end my contract early', 'billing'],
  ['I sent the boots back two weeks ago and still no refund', 'refund'],
  ['what is your returns policy on sale items', 'refund'],
  ['the jumper I got yesterday is too small, can I swap it for a bigger size', 'refund'],
  ['You took the money twice for one order, I can see both on my statement', 'payment_dispute'],
  ['the checkout took £89 from my card but no order was created', 'payment_dispute'],
  ['I was charged more than the price shown at checkout', 'payment_dispute'],
  ['please delete my account and everything in it', 'account_closure'],
  ['how do I close my account for good', 'account_closure'],
  ['there are three purchases on my card I never made', 'fraud'],
  ['I think my account got hacked, the email was changed', 'fraud'],
  ['someone rang pretending to be from your company and asked for my card number', 'fraud'],
  ['My solicitor will be in touch about this', 'legal'],
  ['this is a formal letter before legal action', 'legal'],
  ['Under GDPR I want a copy of all personal data you hold about me', 'compliance_privacy'],
  ['why do you need a photo of my passport?', 'compliance_privacy'],
  ['do you sell my information to advertisers', 'compliance_privacy'],
  ['is the blue one available in a medium?', 'product_question'],
  ['how long is the warranty on the coffee machine', 'product_question'],
  ['which of your pillows would suit a side sleeper', 'product_question'],
  ['any discount code for first-time customers?', 'product_question'],
  ['I want to make a complaint about the rude driver', 'complaint'],
  ['honestly the worst service I have ever had, nobody answers', 'complaint'],
  ['can I speak to a real person please', 'other'],
  ['how do I sign up for your newsletter', 'other'],
  ['thanks, that sorted it!', 'other'],
  ['I would like to open a new account with you', 'other'],
  ['what is your customer service phone number', 'other'],
];

let model: CategoryModel;

beforeAll(() => {
  model = trainCategoryModel({ categories: defaultCategoryDefinitions(), articles: [] });
});

describe('the cold-start regression set', () => {
  it.each(regressionSet)('files "%s" under %s', (message, expected) => {
    expect(model.classify(message).category).toBe(expected);
  });
});
