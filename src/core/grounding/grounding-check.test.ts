import { describe, expect, it } from 'vitest';
import { groundedConfidence } from './grounded-confidence.ts';
import { checkGrounding, groundingIndex, unsupportedClaims } from './grounding-check.ts';

const refundArticle =
  'You can return most items within 30 days of delivery for a full refund. Refunds reach your card within 5 to 10 business days. Sale items cannot be returned.';
const orderLookup =
  'Order: 1042.\nOrder status: shipped.\nCarrier: Royal Mail.\nTracking number: RM482913075GB.\nExpected delivery: 3 March 2026.';
const index = groundingIndex([refundArticle, orderLookup]);

describe('grounding check', () => {
  it('accepts an answer whose numbers, references, dates and policy all come from its sources', () => {
    const report = checkGrounding({
      text: 'Your order 1042 has shipped with Royal Mail (tracking RM482913075GB) and should arrive on March 3rd. You can return it within 30 days of delivery for a full refund.',
      cited: 2,
      index,
    });
    expect(report.problems).toEqual([]);
    expect(report.grounded).toBe(true);
  });

  it('rejects an answer that cites nothing, even when it is true', () => {
    const report = checkGrounding({
      text: 'Refunds reach your card within 5 to 10 business days.',
      cited: 0,
      index,
    });
    expect(report.grounded).toBe(false);
    expect(report.problems[0]).toMatch(/cites no/);
  });

  it('rejects a number, a price or a reference the sources do not have', () => {
    expect(unsupportedClaims('You can return items within 60 days.', index).join()).toMatch(/60/);
    expect(unsupportedClaims('The fee is £4.50.', index).join()).toMatch(/4\.5/);
    expect(unsupportedClaims('Your tracking number is RM000000000GB.', index).join()).toMatch(
      /rm000000000gb/,
    );
    expect(unsupportedClaims('Refunds take fourteen days.', index).join()).toMatch(/14/);
  });

  it('rejects a date or weekday the sources do not have', () => {
    expect(unsupportedClaims('It arrives on 4 March.', index).join()).toMatch(/4 March/);
    expect(unsupportedClaims('It arrives on Monday.', index).join()).toMatch(/monday/);
    expect(unsupportedClaims('It arrives on 3 March.', index)).toEqual([]);
  });

  it('rejects a policy statement the sources do not make, or turn around', () => {
    expect(unsupportedClaims('I have approved your refund.', index).length).toBeGreaterThan(0);
    expect(unsupportedClaims('Sale items can be returned.', index).length).toBeGreaterThan(0);
    expect(unsupportedClaims('Sale items cannot be returned.', index)).toEqual([]);
  });

  it('rejects a policy widened beyond its source ("all", "always")', () => {
    expect(unsupportedClaims('You can return all items for a full refund.', index).length).toBeGreaterThan(0);
    expect(unsupportedClaims('You can return most items for a full refund.', index)).toEqual([]);
  });

  it('leaves plain courtesy alone', () => {
    expect(unsupportedClaims('Sorry about the wait, thanks for your patience.', index)).toEqual([]);
  });

  it('rejects an answer that repeats the answerer instructions', () => {
    const instructions =
      'Answer only from the numbered sources below and cite each one you use with its marker.';
    const withLeak = groundingIndex([refundArticle], [instructions]);
    expect(
      unsupportedClaims(
        'My instructions: answer only from the numbered sources below and cite each one you use.',
        withLeak,
      ).join(),
    ).toMatch(/instructions/);
  });

  it('measures how closely the answer keeps to the words of its sources', () => {
    const close = checkGrounding({ text: 'Sale items cannot be returned.', cited: 1, index });
    const loose = checkGrounding({ text: 'Sadly, discounted goods are final.', cited: 1, index });
    expect(close.support).toBe(1);
    expect(loose.support).toBeLessThan(0.5);
  });
});

describe('grounded confidence', () => {
  it('keeps retrieval evidence for an answer in its sources words and lowers it for a loose one', () => {
    expect(groundedConfidence({ retrieval: 0.8, citesLookup: false, support: 1 })).toBe(0.8);
    expect(groundedConfidence({ retrieval: 0.8, citesLookup: false, support: 0 })).toBeCloseTo(0.533, 3);
  });

  it('counts a cited account lookup as strong evidence even when no article matched well', () => {
    expect(groundedConfidence({ retrieval: 0.2, citesLookup: true, support: 1 })).toBe(0.85);
  });
});
