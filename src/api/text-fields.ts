/**
 * Text fields of requests, checked the same way everywhere (SPEC §11): no control characters or
 * broken Unicode (refused, never stripped: see src/core/text/text-safety.ts), something visible
 * where a value is required, and a length bound.
 */
import { z } from 'zod';
import { describeTextProblem, firstForbiddenCharacter, isInvisible } from '../core/text/text-safety.ts';

const checked = (multiline: boolean) => (value: string, ctx: z.RefinementCtx) => {
  const problem = firstForbiddenCharacter(value, { multiline });
  if (problem) ctx.addIssue({ code: 'custom', message: describeTextProblem(problem) });
  else if (value !== '' && isInvisible(value)) {
    ctx.addIssue({
      code: 'custom',
      message: 'shows nothing (only spaces or invisible characters); write something',
    });
  }
};

/** One line of text (a name, an email, a key): no line breaks, tabs or other control characters. */
export const lineText = (maxChars: number) =>
  z.string().trim().max(maxChars, `keep it under ${maxChars} characters`).superRefine(checked(false));

/** Text that may span lines (a note, an answer, a template): line breaks and tabs are fine. */
export const paragraphText = (maxChars: number) =>
  z.string().max(maxChars, `keep it under ${maxChars} characters`).superRefine(checked(true));
