import { describe, expect, it } from 'vitest';
import { distinctTerms, stemWord, textTerms } from './text-terms.ts';

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

  it('folds support phrases into one term', () => {
    expect(textTerms('I want my money back')).toEqual(['refund']);
    expect(textTerms("can't log in")).toContain('login');
    expect(textTerms('two-factor code')).toContain('2fa');
  });

  it('treats curly apostrophes like straight ones', () => {
    expect(textTerms('it hasn’t arrived')).toEqual(textTerms("it hasn't arrived"));
  });
});
