import { describe, expect, it } from 'vitest';
import { canonicalTokens, lightStem, normaliseText } from './text-normalise.ts';

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
});
