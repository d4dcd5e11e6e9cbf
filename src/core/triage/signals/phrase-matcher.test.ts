import { describe, expect, it } from 'vitest';
import {
  angerPhrases,
  disapprovalPhrases,
  exasperationPhrases,
  waitingPhrases,
} from './frustration-words.ts';
import { createPhraseLists, createPhraseMatcher } from './phrase-matcher.ts';
import { tokenize } from './text.ts';

const matchedPhrases = (phrases: readonly string[], text: string): readonly string[] =>
  createPhraseMatcher(phrases, { negatable: false })
    .matchAll(text, tokenize(text))
    .map((hit) => hit.phrase);

describe('phrase matcher', () => {
  it('finds a phrase whose first word is long, short, a prefix or not ASCII', () => {
    const phrases = ['supercalifragilisticexpialidocious word', 'ok then', 'hospital*', 'übel', 'ça va'];
    expect(matchedPhrases(phrases, 'Supercalifragilisticexpialidocious word, ok then.')).toEqual([
      'supercalifragilisticexpialidocious word',
      'ok then',
    ]);
    expect(matchedPhrases(phrases, 'hospitalisedsupercalifragilisticexpialidocious')).toEqual([
      'hospitalisedsupercalifragilisticexpialidocious',
    ]);
    expect(matchedPhrases(phrases, 'so übel, ça va')).toEqual(['übel', 'ça va']);
  });

  it('finds a phrase that starts with any word', () => {
    expect(matchedPhrases(['* again'], 'not again')).toEqual(['not again']);
  });

  it('finds every frustration phrase written on its own (the quick start test skips none)', () => {
    for (const phrases of [angerPhrases, exasperationPhrases, waitingPhrases, disapprovalPhrases]) {
      for (const phrase of phrases) {
        const text = phrase.replaceAll('*', 'ed');
        expect(matchedPhrases(phrases, text).length, phrase).toBeGreaterThan(0);
      }
    }
  });

  it('finds with several lists what a matcher of each list alone finds', () => {
    const lists = [
      { phrases: angerPhrases },
      { phrases: exasperationPhrases, negatable: false },
      { phrases: waitingPhrases, negatable: false },
      { phrases: disapprovalPhrases, negatable: false },
      { phrases: ['still waiting for', 'not *', 'ugh'] },
    ];
    const combined = createPhraseLists(lists);
    const alone = lists.map((list) => createPhraseMatcher(list.phrases, list));
    const words = lists.flatMap((list) => list.phrases).map((phrase) => phrase.replaceAll('*', 'ing'));
    const texts = words.flatMap((phrase, index) => [
      phrase,
      `not ${phrase} and ${words[(index * 7) % words.length]}, ${words[(index * 13) % words.length]}`,
      `I am ${phrase} ${phrase}. Still waiting for ${words[(index * 3) % words.length]}`,
    ]);
    for (const text of texts) {
      const tokens = tokenize(text);
      const hits = combined.matchAll(text, tokens);
      alone.forEach((matcher, list) => {
        expect(
          hits.filter((hit) => hit.list === list),
          text,
        ).toEqual(matcher.matchAll(text, tokens).map((hit) => ({ ...hit, list })));
      });
    }
  });
});
