/** Runs work in a transaction, or inside the caller's when the handle already is one (the unit of work). */
import type { Kysely } from 'kysely';

export const atomically = <Tables, T>(
  db: Kysely<Tables>,
  work: (trx: Kysely<Tables>) => Promise<T>,
): Promise<T> => (db.isTransaction ? work(db) : db.transaction().execute(work));
