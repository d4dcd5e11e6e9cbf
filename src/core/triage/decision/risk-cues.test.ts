import { describe, expect, it } from 'vitest';
import { riskCues } from './risk-cues.ts';

const categories = (text: string) => riskCues(text).map((cue) => cue.category);

describe('riskCues', () => {
  it('finds fraud in a payment or order the customer did not make or does not recognise', () => {
    expect(categories('an order for four kettles appeared that I never placed')).toEqual(['fraud']);
    expect(categories('I did not make this purchase from Acme')).toEqual(['fraud']);
    expect(categories('an unauthorised payment to you showed up on Friday')).toEqual(['fraud']);
    expect(categories('that payment was not made by me')).toEqual(['fraud']);
    expect(categories('I don’t recognise the Acme charge on my statement')).toEqual(['fraud']);
  });

  it('finds fraud when someone else used the account or a card was lost or stolen', () => {
    expect(categories('somebody has used my gift card')).toEqual(['fraud']);
    expect(categories('my purse was stolen on the bus, my card was in it')).toEqual(['fraud']);
    expect(categories('please freeze my account until I know what happened')).toEqual(['fraud']);
    expect(categories('I lost my phone and the Acme app is signed in')).toEqual(['fraud']);
    expect(categories('is this email a phishing attempt?')).toEqual(['fraud']);
    expect(categories('my debit card has gone missing since Saturday')).toEqual(['fraud']);
    expect(categories('I cannot find my credit card anywhere')).toEqual(['fraud']);
  });

  it('finds fraud in money moved without the customer knowing or agreeing', () => {
    expect(categories('there is a strange withdrawal on my statement')).toEqual(['fraud']);
    expect(categories('a transfer I know nothing about went out of my account')).toEqual(['fraud']);
    expect(categories('Acme took a payment I do not know about')).toEqual(['fraud']);
    expect(categories('my card was used without my permission')).toEqual(['fraud']);
    expect(categories('it was not me who ordered the blender')).toEqual(['fraud']);
  });

  it('finds fraud worded after the thing, in card details in other hands and in money gone', () => {
    expect(categories('there is an Acme charge on my statement that is not mine')).toEqual(['fraud']);
    expect(categories('two payments on my card were not authorised')).toEqual(['fraud']);
    expect(categories('I think somebody else has access to my Acme account')).toEqual(['fraud']);
    expect(categories('my card details were leaked in that data breach')).toEqual([
      'fraud',
      'compliance_privacy',
    ]);
    expect(categories('my debit card was skimmed at a petrol station')).toEqual(['fraud']);
    expect(categories('money has vanished from my gift card balance')).toEqual(['fraud']);
    expect(categories('money has gone from my account and I did nothing')).toEqual(['fraud']);
    expect(categories('a charge from a shop I have never heard of')).toEqual(['fraud']);
  });

  it('finds fraud said with "haven\'t", "don\'t remember" or "no idea what this is"', () => {
    expect(categories("there's a payment to Acme on my card that I haven't made")).toEqual(['fraud']);
    expect(categories("I haven't made these purchases")).toEqual(['fraud']);
    expect(categories('a cash withdrawal I didn’t take out')).toEqual(['fraud']);
    expect(categories("I don't remember making this purchase")).toEqual(['fraud']);
    expect(categories('I have no idea what this debit is, it is £49')).toEqual(['fraud']);
    expect(categories('the direct debit that I never set up')).toEqual(['fraud']);
    expect(categories('this charge is not from me')).toEqual(['fraud']);
  });

  it('finds a freeze asked in other words, and a lost or stolen mobile by any of its names', () => {
    expect(categories('please freeze my savings account')).toEqual(['fraud']);
    expect(categories('can you put a freeze on my card')).toEqual(['fraud']);
    expect(categories('I need my account frozen right away')).toEqual(['fraud']);
    expect(categories('I lost my mobile on the bus')).toEqual(['fraud']);
    expect(categories('my iphone was stolen last night')).toEqual(['fraud']);
    expect(categories('I misplaced my smartphone and the app is signed in')).toEqual(['fraud']);
  });

  it('finds closing an account named in two words, but not removing something from an account', () => {
    expect(categories('I want to close my old acme account')).toEqual(['account_closure']);
    expect(categories('delete my second customer account please')).toEqual(['account_closure']);
    expect(categories('remove my card from my account')).toEqual([]);
    expect(categories('how do I delete my saved card on the account page')).toEqual([]);
  });

  it('finds a request to close an account', () => {
    expect(categories('I want to close my Acme account')).toEqual(['account_closure']);
    expect(categories('please cancel my customer account')).toEqual(['account_closure']);
    expect(categories('I no longer want to be a customer')).toEqual(['account_closure']);
    expect(categories('how do I get rid of my acme account')).toEqual(['account_closure']);
    expect(categories('I do not need my account any more')).toEqual(['account_closure']);
    expect(categories('I would like my account deleted')).toEqual(['account_closure']);
    expect(categories('please delete my Acme profile, I am done')).toEqual(['account_closure']);
    expect(categories('I want my user profile removed')).toEqual(['account_closure']);
  });

  it('finds requests about the customer’s personal data', () => {
    expect(categories('I am making a subject access request')).toEqual(['compliance_privacy']);
    expect(categories('please erase all my personal data under GDPR')).toEqual(['compliance_privacy']);
    expect(categories('send me a copy of my personal information')).toEqual(['compliance_privacy']);
    expect(categories('what personal data do you hold about me')).toEqual(['compliance_privacy']);
    expect(categories('stop using my data for adverts')).toEqual(['compliance_privacy']);
    expect(categories('I want to close my account and delete my personal data')).toEqual([
      'account_closure',
      'compliance_privacy',
    ]);
  });

  it('stays quiet on ordinary shop questions', () => {
    for (const text of [
      'where is my order',
      'I lost my account password and need to reset it',
      'how do I update the card on my account',
      'my account is locked',
      'can I cancel my order',
      'why was I charged more this month',
      'how do I cancel the order on my account page',
      'what is this 9.99 payment for?',
      'I do not know about the payment options, what do you take?',
      'where can I find my card details on the account page',
      'I want my account to show my new address',
      'how do I remove the old address from my profile',
      'can I change the photo on my profile',
      'where is your privacy policy',
      'how do I change my personal details',
      'do you sell my email to other companies?',
      'the payment was not accepted, can I try another card?',
      'is the order that was not delivered refunded?',
      'I have never used a discount code before, how does it work?',
      "I haven't made a payment yet, is my order still reserved?",
      "I don't remember my order number, can you find it?",
      'I have no idea what this sofa will look like, are there photos?',
      'I have not received the payment confirmation email',
      "can I freeze my membership while I'm away",
      'put a hold on my order until Friday',
      'I took my phone to the shop for repair',
      'my account is blocked after too many tries',
    ]) {
      expect(riskCues(text)).toEqual([]);
    }
  });
});
