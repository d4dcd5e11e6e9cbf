import { describe, expect, it } from 'vitest';
import { detectFrustration } from './frustration.ts';
import { scoreSentiment, sentimentTrend } from './sentiment.ts';
import { tokenize } from './text.ts';

const sentiment = (text: string) => scoreSentiment(tokenize(text));
const frustration = (text: string) => {
  const tokens = tokenize(text);
  return detectFrustration(text, tokens, scoreSentiment(tokens));
};

describe('sentiment', () => {
  it('scores praise positive and abuse negative, within -1..1', () => {
    expect(sentiment('thank you, that was really helpful and great').score).toBeGreaterThan(0.4);
    const angry = sentiment('this is terrible, awful, useless service').score;
    expect(angry).toBeLessThan(-0.7);
    expect(angry).toBeGreaterThanOrEqual(-1);
  });

  it('treats support topics as neutral: "charged", "cancel", "lost card" are not moods', () => {
    expect(sentiment('I was charged twice and want to cancel, I lost my card').score).toBe(0);
  });

  it('flips a negated word', () => {
    expect(sentiment('not happy').score).toBeLessThan(0);
  });

  it('reports a falling trend over customer messages', () => {
    expect(sentimentTrend([0.3, 0, -0.4])).toEqual({
      perMessage: [0.3, 0, -0.4],
      change: -0.7,
      fallingFor: 2,
    });
  });
});

describe('frustration', () => {
  it.each([
    'This is the third time I am asking!!',
    'useless bot',
    'THIS IS RIDICULOUS I WANT MY MONEY',
    'I am so fed up with this, absolutely pathetic',
    'how many times do I have to explain',
    'Thanks for nothing',
    'well thank you for nothing then',
  ])('fires on "%s"', (text) => {
    expect(frustration(text).fired).toBe(true);
  });

  it.each([
    'where is my order?',
    'thanks, that helped a lot!',
    'can I change my delivery address',
    'I am not annoyed, just curious',
  ])('stays quiet on "%s"', (text) => {
    expect(frustration(text).fired).toBe(false);
  });

  it.each([
    'You promised me a refund two weeks ago and nothing has happened',
    'I cannot stand this checkout, it drives me crazy',
    'what a rip off, the blender died after a week and support is clueless',
    'honestly who designs an app this stupid',
    'ugh, the kettle is gross inside and smells of plastic',
    'I was so looking forward to the new box and it is mediocre, not worth the money at all',
    'you are a bunch of liars and hypocrites',
  ])('fires on anger, disgust, insults and broken promises: "%s"', (text) => {
    expect(frustration(text).fired).toBe(true);
  });

  it.each([
    'I am so sorry to hear that, I hope your mum gets better soon',
    'so sorry, I feel really guilty and embarrassed that I ordered the wrong size',
    'I am sorry, I was not home for the delivery, can I rearrange it?',
    'I typed the wrong address, can you change it before it ships',
    'am I entitled to a refund if the item arrived late?',
  ])('reads sorrow, regret and support topics as no frustration: "%s"', (text) => {
    expect(frustration(text).fired).toBe(false);
  });

  it('does not count sorrow words towards frustration: sad news is not anger', () => {
    const sad = frustration('my grandmother passed away, I am heartbroken and lonely and I cry every day');
    const angry = frustration('the refund process is terrible and your agents are awful');
    expect(sad.score).toBeLessThan(0.5);
    expect(angry.score).toBeGreaterThanOrEqual(2);
  });

  it.each([
    "that's not true, the tracking page barely works",
    'you are wrong, the plan was never this price',
    'my payment failed again, what is the point',
  ])('fires on disagreement and disappointment written without an emotion word: "%s"', (text) => {
    expect(frustration(text).fired).toBe(true);
  });

  it('reads a swear word before praise as delight, not anger', () => {
    expect(frustration('I fucking love the new Plus box').fired).toBe(false);
    expect(frustration('this blender is fucking useless').fired).toBe(true);
  });

  it('lets one mild disapproval stay below the line on its own', () => {
    expect(frustration('is there no way to change my address?').fired).toBe(false);
    expect(frustration('I was hoping it would arrive today').fired).toBe(false);
  });

  it('names the cues as evidence', () => {
    expect(frustration('useless bot!!').evidence).toEqual(
      expect.arrayContaining(['useless', 'useless bot', '!!']),
    );
  });
});
