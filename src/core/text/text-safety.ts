/**
 * What text Baton accepts from people (SPEC §11 "every input is validated"). Control characters
 * are refused, not stripped: a NUL or an escape sequence in a message is a broken client or an
 * attack, and silently changing what someone wrote hides both. PostgreSQL cannot store NUL in
 * text at all, so letting one through turns a bad request into a half-done write and a 500.
 */

/** Every control character (Cc) and every lone surrogate (Cs): neither belongs in stored text. */
const controlOrSurrogate = /[\p{Cc}\p{Cs}]/gu;

/** Characters that show nothing: spaces, format characters (zero-width, bidi marks), fillers. */
const invisible = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Cs}\u115F\u1160\u2800\u3164\uFFA0]*$/u;

export interface TextProblem {
  /** `control_character` or `lone_surrogate`. */
  readonly kind: 'control_character' | 'lone_surrogate';
  /** The code point as U+XXXX. */
  readonly character: string;
  /** 0-based index in the text. */
  readonly index: number;
}

const codePoint = (text: string): string =>
  `U+${(text.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The first character text must not hold: any control character or lone surrogate, except line
 * breaks and tabs when the text may span lines.
 */
export const firstForbiddenCharacter = (
  text: string,
  options: { readonly multiline: boolean },
): TextProblem | null => {
  for (const match of text.matchAll(controlOrSurrogate)) {
    const character = match[0];
    if (options.multiline && (character === '\n' || character === '\r' || character === '\t')) continue;
    return {
      kind: /\p{Cs}/u.test(character) ? 'lone_surrogate' : 'control_character',
      character: codePoint(character),
      index: match.index,
    };
  }
  return null;
};

/** Whether the text shows nothing at all (empty, spaces, zero-width or format characters only). */
export const isInvisible = (text: string): boolean => invisible.test(text);

/** One sentence for a refusal: what is wrong and what to do. */
export const describeTextProblem = (problem: TextProblem): string =>
  problem.kind === 'lone_surrogate'
    ? `contains a broken character (a lone UTF-16 surrogate ${problem.character} at position ${problem.index + 1}); send valid Unicode text`
    : `contains the control character ${problem.character} at position ${problem.index + 1}; remove it`;
