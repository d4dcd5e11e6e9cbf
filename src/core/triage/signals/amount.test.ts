import { describe, expect, it } from 'vitest';
import { detectAmounts, largestAmount } from './amount.ts';

describe('amount', () => {
  it.each([
    ['I was charged $240', 240, 'USD'],
    ['they took 240 euros', 240, 'EUR'],
    ['EUR 240 gone', 240, 'EUR'],
    ['refund £12.50 please', 12.5, 'GBP'],
    ['a payment of 1,200 dollars', 1200, 'USD'],
    ['it cost 15€', 15, 'EUR'],
    ['Rs. 500 deducted', 500, 'INR'],
  ])('reads "%s" as %d %s', (text, value, currency) => {
    expect(detectAmounts(text)[0]).toMatchObject({ value, currency });
  });

  it('ignores plain numbers such as order numbers', () => {
    expect(detectAmounts('where is order 370795561790, it has 3 items')).toEqual([]);
  });

  it('reports the largest of several amounts', () => {
    expect(largestAmount(detectAmounts('charged $20 then $450 and €30'))?.value).toBe(450);
  });
});
