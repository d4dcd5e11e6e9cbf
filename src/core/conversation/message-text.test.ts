import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { checkMessageText } from './message-text.ts';

const codeOf = (text: unknown): string => {
  try {
    checkMessageText(text, 100);
    return 'ok';
  } catch (error) {
    return isDomainError(error) ? error.code : 'thrown';
  }
};

describe('checkMessageText', () => {
  it('keeps ordinary text, trimmed, with its line breaks, tabs, emoji and accents', () => {
    expect(checkMessageText('  Où est ma commande ?\r\n\tMerci 👍🏽  ', 100)).toBe(
      'Où est ma commande ?\n\tMerci 👍🏽',
    );
    expect(checkMessageText('family: 👨\u200D👩\u200D👧', 100)).toBe('family: 👨\u200D👩\u200D👧');
  });

  it('refuses a NUL byte and other control characters with their position', () => {
    expect(codeOf('hello\u0000world')).toBe('invalid_characters');
    expect(codeOf('red \u001B[31m text')).toBe('invalid_characters');
    expect(codeOf('bell\u0007')).toBe('invalid_characters');
    expect(codeOf('c1 \u0085 control')).toBe('invalid_characters');
    expect(() => checkMessageText('ab\u0000', 100)).toThrow(/U\+0000 at position 3/);
  });

  it('refuses a lone surrogate, as broken Unicode', () => {
    expect(codeOf('half an emoji \uD83D')).toBe('invalid_characters');
    expect(codeOf('\uDC00 reversed')).toBe('invalid_characters');
  });

  it('refuses text that shows nothing: spaces, zero-width and format characters only', () => {
    expect(codeOf('   ')).toBe('message_empty');
    expect(codeOf('\u200B\u200B\u200C\u200D')).toBe('message_empty');
    expect(codeOf('\u2060\uFEFF\u00A0\u3000')).toBe('message_empty');
    expect(codeOf('\u202E\u2066\u3164')).toBe('message_empty');
  });

  it('refuses what is not a string and what is over the limit', () => {
    expect(codeOf(42)).toBe('invalid_input');
    expect(codeOf(null)).toBe('invalid_input');
    expect(codeOf('x'.repeat(101))).toBe('message_too_long');
  });

  it('whatever it accepts holds no control character, no lone surrogate and something visible', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const code = codeOf(text);
        expect(['ok', 'invalid_characters', 'message_empty']).toContain(code);
        if (code !== 'ok') return;
        const kept = checkMessageText(text, 100);
        expect(kept).not.toMatch(/[\p{Cs}]|(?![\n\r\t])\p{Cc}/u);
        expect(kept.trim()).not.toBe('');
      }),
      { numRuns: 150 },
    );
  });
});
