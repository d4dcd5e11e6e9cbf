import { describe, expect, it } from 'vitest';
import { riskCues } from './risk-cues.ts';

const categories = (text: string) => riskCues(text).map((cue) => cue.category);

describe('riskCues', () => {
  it('finds fraud in a charge the customer did not make or does not recognise', () => {
    expect(categories('There is a payment on my card that I don’t recognise')).toEqual(['fraud']);
    expect(categories('I never made this purchase')).toEqual(['fraud']);
    expect(categories('an unauthorised transaction showed up')).toEqual(['fraud']);
    expect(categories('this withdrawal was not made by me')).toEqual(['fraud']);
  });

  it('finds fraud when someone else used the account or a card was stolen', () => {
    expect(categories('someone else has used my card')).toEqual(['fraud']);
    expect(categories('my wallet was stolen yesterday')).toEqual(['fraud']);
    expect(categories('please freeze my card')).toEqual(['fraud']);
    expect(categories('I can’t find my wallet anywhere')).toEqual(['fraud']);
    expect(categories('there is a charge that is not mine')).toEqual(['fraud']);
    expect(categories('please place a block on my card')).toEqual(['fraud']);
  });

  it('finds a request to close an account', () => {
    expect(categories('I want to close my Acme account')).toEqual(['account_closure']);
    expect(categories('how do I cancel my premium account')).toEqual(['account_closure']);
    expect(categories('I no longer want to be a customer')).toEqual(['account_closure']);
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
    ]) {
      expect(riskCues(text)).toEqual([]);
    }
  });
});
