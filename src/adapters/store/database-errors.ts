/**
 * Recognises PostgreSQL errors by SQLSTATE so repositories can turn them into domain errors, and
 * the ones that mean "the database cannot be reached right now" rather than a fault in Baton: the
 * server answers those with 503 and Retry-After (nothing was stored; trying again later works).
 */
import { errorCode as sqlState } from '../error-code.ts';
import { isRecord } from './row-values.ts';

export const isUniqueViolation = (error: unknown): boolean => sqlState(error) === '23505';

export const isForeignKeyViolation = (error: unknown): boolean => sqlState(error) === '23503';

export type TransientDatabaseError = 'unavailable' | 'busy';

/** SQLSTATEs of a server shutting down, starting up or refusing connections. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** Serialisation failure and deadlock: the same request succeeds when tried again. */
const BUSY_STATES = new Set(['40001', '40P01']);
/** Socket errors of a connection that could not be made or was cut. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
/** pg and pg-pool raise these without a code when a connection drops or cannot be had in time. */
const DROPPED_CONNECTION = /^(Connection terminated|timeout exceeded when trying to connect)/;

export const transientDatabaseError = (error: unknown): TransientDatabaseError | null => {
  if (!isRecord(error)) return null;
  const code = sqlState(error);
  if (code !== null && BUSY_STATES.has(code)) return 'busy';
  if (code !== null && (UNAVAILABLE_STATES.has(code) || code.startsWith('08') || SOCKET_CODES.has(code)))
    return 'unavailable';
  const message = error.message;
  if (typeof message === 'string' && DROPPED_CONNECTION.test(message)) return 'unavailable';
  // A host name with several addresses fails as one AggregateError of the attempts. (Causes are not
  // followed: an outbound HTTP call's refused connection is not the database's.)
  const attempts = error.errors;
  return Array.isArray(attempts) && attempts.some((each) => transientDatabaseError(each) === 'unavailable')
    ? 'unavailable'
    : null;
};
