import { describe, expect, it } from 'vitest';
import { detectLegalThreat } from './legal-threat.ts';

describe('legal_threat', () => {
  it.each([
    'my lawyer will hear about this',
    'I will sue you',
    'I am taking you to court',
    'I am filing a complaint with the ombudsman',
    'expect legal action',
    'I will do a chargeback with my bank',
    'my attorny will contact you',
    'if this is not fixed I will dispute the charge with my bank',
    'we will see you in the court',
  ])('fires on "%s"', (text) => {
    expect(detectLegalThreat(text).fired).toBe(true);
  });

  it.each([
    'my lawyer friend said the fee is wrong',
    "I'm not going to sue anyone, I just want my parcel",
    'as a lawyer I read your terms',
    'where is the food court?',
    'where is my order',
    'how do I dispute a charge on my statement?',
  ])('stays quiet on "%s"', (text) => {
    expect(detectLegalThreat(text).fired).toBe(false);
  });
});
