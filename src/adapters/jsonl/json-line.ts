/**
 * One line of a JSONL file read against a schema, for the CLI's file formats (`baton triage`,
 * `baton replay`): a blank line is skipped, a broken one becomes an error that names what is wrong
 * and the line's `id` when it has one, so the run goes on and the output keeps one line per input.
 */
import type { z } from 'zod';

export type JsonLine<T> =
  | { readonly kind: 'value'; readonly value: T }
  | { readonly kind: 'error'; readonly id: string | number | null; readonly error: string }
  | { readonly kind: 'blank' };

const idOf = (value: unknown): string | number | null => {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null;
  const id = value.id;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
};

export const readJsonLine = <S extends z.ZodType>(text: string, schema: S): JsonLine<z.output<S>> => {
  if (text.trim() === '') return { kind: 'blank' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      kind: 'error',
      id: null,
      error: `malformed JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const result = schema.safeParse(value);
  if (result.success) return { kind: 'value', value: result.data };
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'line';
  return { kind: 'error', id: idOf(value), error: `${where}: ${issue?.message ?? 'invalid'}` };
};
