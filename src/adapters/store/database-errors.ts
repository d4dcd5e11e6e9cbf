/** Recognises PostgreSQL errors by SQLSTATE so repositories can turn them into domain errors. */
import { isRecord } from './row-values.ts';

const sqlState = (error: unknown): string | null =>
  isRecord(error) && typeof error.code === 'string' ? error.code : null;

export const isUniqueViolation = (error: unknown): boolean => sqlState(error) === '23505';

export const isForeignKeyViolation = (error: unknown): boolean => sqlState(error) === '23503';
