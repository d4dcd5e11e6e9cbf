import { describe, expect, it } from 'vitest';
import {
  angerPhrases,
  disapprovalPhrases,
  exasperationPhrases,
  waitingPhrases,
} from './frustration-words.ts';
import { createPhraseMatcher } from './phrase-matcher.ts';
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
});
