import { describe, expect, it } from 'vitest';
import {
  canonicalTokens,
  lightStem,
  mayAskForContact,
  mayHoldContraction,
  normalisedWords,
  normaliseText,
} from './text-normalise.ts';

const tokens = (text: string) => canonicalTokens(normaliseText(text));

describe('normalising a customer message', () => {
  it('replaces order numbers, amounts, e-mails and links with placeholder words', () => {
    expect(normaliseText('Order #A12345 cost $45.99, mail me at ana@example.com or see https://x.io/a')).toBe(
      'order zzordernum cost zzamount mail me at zzemail or see zzurl',
    );
    expect(normaliseText('charged 20 euros for purchase 113542617735902')).toBe(
      'charged zzamount for purchase zzordernum',
    );
  });

  it('expands contractions with and without the apostrophe', () => {
    expect(normaliseText("I can't log in and it won't reset, I'm stuck")).toBe(
      'i can not log in and it will not reset i am stuck',
    );
    expect(normaliseText('dont know why it isnt here')).toBe('do not know why it is not here');
  });

  it('never rules out a message holding a contraction, with or without the apostrophe', () => {
    const negated = 'can won ain do does did is are was were has have had could would should must'.split(' ');
    const forms = [
      ...negated.flatMap((word) => [`${word}n't`, `${word}nt`, `${word}'t`, `${word}t`]),
      "i'm",
      'im',
      ...['ve', 'll', 're', 'd'].map((verb) => `they'${verb}`),
    ];
    let expanded = 0;
    for (const form of forms) {
      const text = `so ${form} here`;
      // Only the forms the pattern expands count: "dot" or "wast" are plain words.
      if (normaliseText(text) === text) continue;
      expanded++;
      expect(mayHoldContraction(text), form).toBe(true);
    }
    expect(expanded).toBeGreaterThan(40);
    expect(mayHoldContraction('where is my order')).toBe(false);
  });

  it('leaves words that merely end in "nt" alone', () => {
    expect(normaliseText('I want my payment')).toBe('i want my payment');
  });

  it('reads asking to speak to someone, a person or an agent as one phrase, and leaves other someones alone', () => {
    for (const text of [
      'can I speak to someone please',
      'let me talk with a real person',
      'put me through to an agent',
    ])
      expect(normaliseText(text), text).toMatch(/\b(?:speak|talk|through) to agent\b/);
    expect(normaliseText('someone used my card')).toBe('someone used my card');
  });

  it('never rules out a message asking to be put through', () => {
    const verbs = ['speak', 'talk', 'chat', 'get through', 'put me through', 'connect me', 'transfer me'];
    const people = 'someone somebody anyone anybody person human agent representative rep'.split(' ');
    for (const verb of verbs)
      for (const joint of ['to', 'with', 'to a real', 'with the live'])
        for (const who of people) {
          const text = `can i ${verb} ${joint} ${who} now`;
          expect(normaliseText(text), text).toContain(' to agent');
          expect(mayAskForContact(text), text).toBe(true);
        }
    expect(mayAskForContact('where is my order')).toBe(false);
  });

  it('maps chat shorthand to one spelling', () => {
    expect(tokens('pls cancel my order thx')).toEqual(['please', 'cancel', 'my', 'order', 'thanks']);
    expect(tokens('forgot my pwd')).toEqual(['forgot', 'my', 'password']);
  });

  it('merges plurals and verb forms without mangling short or protected words', () => {
    expect(lightStem('refunds')).toBe('refund');
    expect(lightStem('charging')).toBe('charg');
    expect(lightStem('deliveries')).toBe('delivery');
    expect(lightStem('address')).toBe('address');
    expect(lightStem('status')).toBe('status');
    expect(lightStem('bus')).toBe('bus');
  });

  it('treats words that name object internals as plain words', () => {
    expect(tokens('constructor toString __proto__')).toEqual(['constructor', 'tostr', 'proto']);
  });

  it('gives the words of the normalised text without building it', () => {
    for (const text of [
      '',
      '  !!  ',
      "Order #A12345 cost $45.99 -- can't   log in?",
      'I want to speak to a real person\nnow',
      'refund…refunded, REFUNDS',
    ]) {
      const normalised = normaliseText(text);
      expect(normalisedWords(text)).toEqual(normalised.length === 0 ? [] : normalised.split(' '));
    }
  });
});
