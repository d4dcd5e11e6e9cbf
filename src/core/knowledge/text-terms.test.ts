import { describe, expect, it } from 'vitest';
import {
  anyOfSource,
  distinctTerms,
  firstPhraseRule,
  isDroppedWord,
  phrasePatterns,
  startsAtWordBoundary,
  stemWord,
  textTerms,
  topLevelAlternatives,
} from './text-terms.ts';

describe('textTerms', () => {
  it('maps parcel, package and purchase onto order', () => {
    expect(distinctTerms('my parcel, the package, this purchase')).toEqual(['order']);
  });

  it('collapses plurals and verb forms of a word', () => {
    expect(new Set(textTerms('ship shipped shipping ships'))).toEqual(new Set(['ship']));
    expect(stemWord('deliveries')).toBe(stemWord('delivery'));
    expect(stemWord('charged')).toBe(stemWord('charge'));
    expect(stemWord('cancelled')).toBe(stemWord('cancel'));
  });

  it('drops stop-words and bare numbers such as order numbers', () => {
    expect(textTerms('Where is my order 1042?')).toEqual(['track', 'order']);
  });

  it('drops stop-words, one-letter words and bare numbers, and keeps words with digits in them', () => {
    for (const word of ['the', 'x', '', '42', '0000']) expect(isDroppedWord(word), word).toBe(true);
    for (const word of ['refund', '2fa', 'a4', 'ab12cd']) expect(isDroppedWord(word), word).toBe(false);
  });

  it('folds support phrases into one term', () => {
    expect(textTerms('I want my money back')).toEqual(['refund']);
    expect(textTerms("can't log in")).toContain('login');
    expect(textTerms('two-factor code')).toContain('2fa');
  });

  it('reads when the desk opens or closes as its opening hours, not as closing an account', () => {
    expect(textTerms('what time does your customer service close today')).toEqual(['open', 'hour']);
    expect(textTerms('when do the phone lines open')).toEqual(['open', 'hour']);
    expect(textTerms('when will my account be closed')).toContain('delet');
  });

  it('reads opening the goods as their packaging, not as opening hours', () => {
    expect(textTerms('can I send it back if I opened the box')).toContain('original');
    expect(textTerms('can I send it back if I opened the box')).not.toContain('open');
    expect(textTerms('when do you open')).toContain('open');
  });

  it('reads a "when will…" question as one about time, as "how long" is', () => {
    expect(textTerms('when will I get my refund')).toEqual(textTerms('how long until my refund'));
    expect(textTerms('when does my parcel arrive')).toContain('time');
    expect(textTerms('when I log in the page is blank')).not.toContain('time');
  });

  it('reads another customer’s order as a wrong item, and a second address as adding one', () => {
    expect(textTerms("you sent me someone else's order")).toEqual(expect.arrayContaining(['wrong', 'item']));
    expect(textTerms('how do I add a second delivery address')).toEqual(
      expect.arrayContaining(['add', 'address']),
    );
    expect(textTerms('how do I add a second delivery address')).not.toContain('second');
  });

  it('reads smashed, dented or chipped goods as faulty, as broken or cracked ones', () => {
    for (const word of ['smashed', 'dented', 'chipped', 'cracked', 'broken'])
      expect(textTerms(`the mug arrived ${word}`), word).toContain('faulty');
  });

  it('reads a leak, a tear or a device that will not start, charge or heat as faulty', () => {
    expect(textTerms('the bottle is leaking')).toContain('faulty');
    expect(textTerms('my headphones stopped charging')).toContain('faulty');
    expect(textTerms("the heater won't turn on")).toContain('faulty');
    expect(textTerms('when does the sale start')).not.toContain('faulty');
  });

  it('reads not getting the order as a missing order, but not a missing e-mail', () => {
    for (const text of ['it says delivered but I never got it', "I still haven't got my parcel"])
      expect(textTerms(text), text).toEqual(expect.arrayContaining(['late', 'lost']));
    expect(textTerms('I never got the reset email')).not.toContain('lost');
  });

  it('drops what is left of a contraction ("I’ve", "they’ve"), which says nothing about the topic', () => {
    expect(textTerms("I've opened them")).toEqual(textTerms('I opened them'));
    expect(textTerms('they’ve lost it')).toEqual(textTerms('they lost it'));
  });

  it('treats curly apostrophes like straight ones', () => {
    expect(textTerms('it hasn’t arrived')).toEqual(textTerms("it hasn't arrived"));
  });

  it('drops titles, swear words and currency names, which say nothing about the topic', () => {
    expect(textTerms('find the invoices from Mr. Smith')).toEqual(textTerms('find the invoices from Smith'));
    expect(textTerms('a refund of 160 dollars')).toEqual(['refund']);
    expect(textTerms('where is my fucking order')).toEqual(textTerms('where is my order'));
  });

  it('reads everyday wording for password recovery, bills and complaints as the KB words', () => {
    expect(new Set(textTerms('retrieve the pass of my user'))).toEqual(
      new Set(textTerms('reset account password')),
    );
    expect(textTerms('my bills')).toEqual(textTerms('invoice'));
    expect(textTerms('lodge a claim')).toEqual(['complaint']);
    expect(textTerms('billing date')).not.toContain(textTerms('invoice')[0]);
  });
  it('reads a payment or an order that will not go through as a failure, but not getting through to someone', () => {
    for (const text of [
      'my payment is not going through',
      "the order won't go through",
      "it didn't go through",
    ])
      expect(textTerms(text), text).toContain('fail');
    expect(textTerms("I can't get through to you on the phone")).not.toContain('fail');
  });

  it('reads "where can I see my invoices" as finding something, not tracking a parcel', () => {
    expect(textTerms('where can I see my bills')).not.toContain('track');
    expect(textTerms('where do I download the receipt')).not.toContain('track');
    // The parcel itself is still tracked; its number is still found.
    expect(textTerms('where can I see my parcel')).toContain('track');
    expect(textTerms('where can I find my order number')).not.toContain('track');
  });

  it("reads changing one's mind about a purchase as a return", () => {
    expect(textTerms('I changed my mind about the lamp')).toContain('return');
    expect(textTerms('can I change my order')).not.toContain('return');
  });
  it('drops what is left of "hasn’t", "doesn’t" and "haven’t", which the knowledge base never says', () => {
    expect(textTerms("it hasn't shipped")).toEqual(textTerms('it shipped'));
    expect(textTerms('the chair doesn’t fit')).toEqual(textTerms('the chair fit'));
    expect(textTerms("I haven't had my money")).toEqual(textTerms('I had my money'));
  });

  it('reads opening days, an unexpected charge, a new delivery day, part of an order and a resend', () => {
    expect(textTerms('are you open on sundays')).toEqual(expect.arrayContaining(textTerms('opening hours')));
    expect(textTerms('can I open an account')).not.toContain(textTerms('hours')[0]);
    expect(textTerms('why was I charged 9.99')).toEqual(textTerms('unexpected charge'));
    expect(textTerms('can I change the delivery day')).toEqual(textTerms('rearrange delivery'));
    expect(textTerms('can I reschedule it')).toEqual(textTerms('rearrange'));
    expect(textTerms('half my order is missing')).toContain(textTerms('item')[0]);
    expect(textTerms('my whole order is missing')).not.toContain(textTerms('item')[0]);
    expect(textTerms('please resend the receipt')).toEqual(textTerms('copy of the receipt'));
    // Charged for a membership never signed up for is an unexpected charge, not signing up.
    expect(textTerms("I didn't sign up for plus but you charged me")).toEqual(
      expect.arrayContaining(textTerms('unexpected charge')),
    );
    expect(textTerms("I didn't sign up for plus but you charged me")).not.toContain(textTerms('register')[0]);
    expect(textTerms('I never signed up for the newsletter')).toContain(textTerms('register')[0]);
    // The charge may come first, and only the same line counts.
    expect(textTerms('you billed me twice and I never agreed to it')).toEqual(
      expect.arrayContaining(textTerms('unexpected charge')),
    );
    expect(textTerms('the charge is fine.\nI never signed up for the newsletter')).toContain(
      textTerms('register')[0],
    );
    expect(textTerms('I never signed up for the newsletter\nwhat does the charge mean')).toContain(
      textTerms('register')[0],
    );
  });
});

describe('the combined phrase-rule scan', () => {
  it('splits a regex source at its top-level alternatives only', () => {
    expect(topLevelAlternatives('\\ba|\\bb(?:c|d)[|(]e\\|f')).toEqual(['\\ba', '\\bb(?:c|d)[|(]e\\|f']);
    expect(startsAtWordBoundary('\\ba(?:b|c)|\\bd')).toBe(true);
    expect(startsAtWordBoundary('\\ba|d\\b')).toBe(false);
  });

  it('tests the shared word boundary once when every alternative starts with one', () => {
    expect(anyOfSource(['\\ba', '\\bb|\\bc'])).toBe('\\b(?:(?:a)|(?:b|\\bc))');
    expect(anyOfSource(['\\ba', 'b'])).toBe('(?:\\ba)|(?:b)');
    expect(anyOfSource(['\\ba', '\\bb'], true)).toBe('\\b(?:(a)|(b))');
  });

  it('finds the first phrase rule from any index on that matches a text, as trying each rule would', () => {
    const texts = [
      'i want my money back',
      "can't log in to my account",
      'my parcel has not arrived',
      'nothing came',
      'not my order in the box',
      'where can i see my invoices',
      'are you open on sundays',
      'half of my order is missing',
      "i didn't sign up for this and you charged me",
      "i didn't  signup  for this",
      'gift card balance',
      'the kettle is broken',
      // A later rule's match ("set … up") spans an earlier rule's ("how much", "money back").
      'set how much up',
      'set my money back up and e-mail me',
      'how much is the bill, how long until it is sent back',
      'hello there',
      'xmoney back',
      'moneyback',
      '',
    ];
    for (const text of texts) {
      for (let from = 0; from <= phrasePatterns.length; from += 1) {
        const byRules = phrasePatterns.findIndex(
          (pattern, rule) => rule >= from && new RegExp(pattern.source).test(text),
        );
        expect(firstPhraseRule(text, from), `${text} from ${from}`).toBe(byRules);
      }
    }
  });
});
