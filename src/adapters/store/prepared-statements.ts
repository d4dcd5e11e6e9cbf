/**
 * Names Baton's large parameterised statements (the customer message, the AI turn's claim and
 * outcome: multi-CTE statements PostgreSQL took 1–2 ms to plan), so every pooled connection parses
 * each of them once and PostgreSQL's plan cache can keep a generic plan for it: after five plans
 * made for their values it keeps the generic one when that is no costlier. Short statements stay
 * unnamed: planning them costs next to nothing and their texts vary (IN lists of any length).
 * The connection's `plan_cache_mode` is left at PostgreSQL's `auto`: forcing generic plans is a
 * setting of the whole connection, and it gave every other parameterised statement — reports over
 * a time window, filters on a state a partial index covers — a plan blind to its values, for no
 * measurable gain on the message path (2026-12-06: pg_stat_statements and the bench, interleaved).
 * Behind a transaction-pooling proxy (PgBouncer before 1.21, or without max_prepared_statements)
 * named statements break: `BATON_DATABASE_PREPARED_STATEMENTS=false` turns this off. A plan whose
 * row shape a migration changed (another process upgraded the schema) is prepared again under a
 * new name and the statement sent once more, instead of failing until the process restarts.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { errorCode } from '../error-code.ts';

/** Writing statements at least this long are named: the handful of hot multi-CTE statements. */
const NAMED_FROM_CHARS = 600;
/** How many distinct texts get names; past it the rest run unnamed (the set is small and fixed). */
const MAX_NAMED = 64;

const names = new Map<string, string>();
/** Bumped when PostgreSQL refuses a plan the schema outgrew: every statement is named afresh. */
let generation = 0;

const nameFor = (text: string): string | null => {
  const known = names.get(text);
  if (known !== undefined) return known;
  if (names.size >= MAX_NAMED) return null;
  const name = `baton_${generation}_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  names.set(text, name);
  return name;
};

/** SQLSTATE 0A000 "cached plan must not change result type": a column was added or dropped. */
const planOutgrown = (error: unknown): boolean =>
  errorCode(error) === '0A000' && error instanceof Error && error.message.includes('cached plan');

const renameAll = () => {
  generation += 1;
  names.clear();
};

/**
 * Whether a `query(text, values)` call is one to name: long, parameterised and writing (the message
 * path's statements find their rows by key). Long read-only statements — the analytics reports —
 * stay unnamed, so PostgreSQL plans each for its own time window and filters.
 */
const worthNaming = (text: unknown, values: unknown): text is string =>
  typeof text === 'string' &&
  text.length >= NAMED_FROM_CHARS &&
  Array.isArray(values) &&
  values.length > 0 &&
  /^\s*(with|insert|update|delete)\b/i.test(text) &&
  /\b(insert\s+into|update\s+\w+\s+(?:\w+\s+)?set|delete\s+from)\b/i.test(text);

export const prepareLargeStatements = (pool: pg.Pool): void => {
  pool.on('connect', (client) => {
    const query = client.query;
    Reflect.set(client, 'query', (...args: unknown[]) => {
      const [text, values, callback] = args;
      if (!worthNaming(text, values) || typeof callback === 'function')
        return Reflect.apply(query, client, args);
      const name = nameFor(text);
      if (name === null) return Reflect.apply(query, client, args);
      const sent: Promise<unknown> = Reflect.apply(query, client, [{ name, text, values }]);
      return sent.catch((error: unknown) => {
        if (!planOutgrown(error)) throw error;
        renameAll();
        // Outside a transaction the statement simply runs again; inside one the transaction is
        // already aborted and the caller sees that error, as for any failed statement.
        return Reflect.apply(query, client, [{ name: nameFor(text) ?? undefined, text, values }]);
      });
    });
  });
};
