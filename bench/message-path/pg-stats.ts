/**
 * `--pg-stats`: what PostgreSQL itself saw of a run, printed to stderr — rows written per table
 * (and how many updates were HOT), the statements that took the most time (trigger statements
 * included, with their slowest single run: a statement whose slowest run is far above its mean
 * waited for a lock), and what the server's sessions were doing, sampled every 5 ms while the
 * clock ran. Needs a server started with the statistics module:
 *
 *   BATON_PG_OPTIONS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all" \
 *     bash scripts/with-postgres.sh npx tsx bench/message-path/run.ts --db postgres --pg-stats
 */
import pg from 'pg';

const SAMPLE_EVERY_MS = 5;

export interface PgStats {
  /** Starts sampling the sessions' wait events; the returned function stops it. */
  sampleWaits(): () => Promise<void>;
  /** Prints the tables, statements and waits to stderr. */
  report(): Promise<void>;
  close(): Promise<void>;
}

export const openPgStats = async (url: string): Promise<PgStats> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const waits = new Map<string, number>();
  let samples = 0;
  const print = (line: string) => process.stderr.write(`${line}\n`);
  return {
    sampleWaits() {
      let sampling = true;
      const loop = (async () => {
        while (sampling) {
          const { rows } = await client.query<{ what: string }>(
            `SELECT state || ' ' || coalesce(wait_event_type || ':' || wait_event, 'on CPU') AS what
             FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
          );
          samples += 1;
          for (const { what } of rows) waits.set(what, (waits.get(what) ?? 0) + 1);
          await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
        }
      })();
      return async () => {
        sampling = false;
        await loop;
      };
    },

    async report() {
      print('\nrows written (whole run, set-up and warm-up included): table inserted updated (HOT) deleted');
      const tables = await client.query(
        `SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del FROM pg_stat_user_tables
         WHERE n_tup_ins + n_tup_upd + n_tup_del > 0 ORDER BY n_tup_ins + n_tup_upd + n_tup_del DESC`,
      );
      for (const t of tables.rows)
        print(`  ${t.relname} ${t.n_tup_ins} ${t.n_tup_upd} (${t.n_tup_hot_upd}) ${t.n_tup_del}`);
      try {
        await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
        const statements = await client.query(
          `SELECT calls, total_exec_time, mean_exec_time, max_exec_time,
             left(regexp_replace(query, '\\s+', ' ', 'g'), 100) AS query
           FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
           ORDER BY total_exec_time DESC LIMIT 15`,
        );
        print('\nstatements by total time (whole run): calls, total ms, mean ms, slowest ms, text');
        for (const s of statements.rows)
          print(
            `  ${s.calls} ${Number(s.total_exec_time).toFixed(0)} ${Number(s.mean_exec_time).toFixed(3)} ${Number(s.max_exec_time).toFixed(1)}  ${s.query}`,
          );
      } catch (error) {
        print(
          `\n(no statement statistics: ${(error as Error).message}; start the server with pg_stat_statements)`,
        );
      }
      print(`\nsessions while the clock ran (${samples} samples, share of session-samples):`);
      const all = [...waits.values()].reduce((sum, n) => sum + n, 0);
      for (const [what, n] of [...waits.entries()].sort((a, b) => b[1] - a[1]))
        print(`  ${((100 * n) / Math.max(1, all)).toFixed(1)}% ${what}`);
    },

    close: () => client.end(),
  };
};
