/** Runs work in a transaction, or inside the caller's when the handle already is one (the unit of work). */
import type { Db } from './database.ts';

export const atomically = <T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> =>
  db.isTransaction ? work(db) : db.transaction().execute(work);
