/** What the parent and the training thread send each other, checked on arrival (structured clones are untyped). */
import type { CategoryModelInput, CategoryModelParameters } from '../../core/triage/category/index.ts';

export interface TrainingRequest {
  /** The worker module, for the TypeScript bootstrap. */
  readonly entry: string;
  readonly input: CategoryModelInput;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

export const isTrainingRequest = (value: unknown): value is TrainingRequest =>
  isRecord(value) &&
  typeof value.entry === 'string' &&
  isRecord(value.input) &&
  Array.isArray(value.input.categories) &&
  Array.isArray(value.input.articles);

export const isModelParameters = (value: unknown): value is CategoryModelParameters =>
  isRecord(value) &&
  isStringList(value.names) &&
  isStringList(value.vocabulary) &&
  value.idf instanceof Float32Array &&
  value.table instanceof Float32Array &&
  value.bias instanceof Float64Array &&
  typeof value.usedHistory === 'boolean';
