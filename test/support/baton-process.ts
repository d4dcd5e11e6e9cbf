/**
 * One Baton server as its own OS process, for scale-out and crash tests: started on the PostgreSQL
 * database named by BATON_PROCESS_DATABASE_URL, it prints `READY <url>` once it listens, and runs
 * until it is signalled (or killed with -9 by a chaos test). AI turn leases are short (5 s) so a
 * killed process's turns are taken over quickly.
 */
import { startTestBaton } from './test-baton.ts';

const databaseUrl = process.env.BATON_PROCESS_DATABASE_URL;
if (!databaseUrl) throw new Error('BATON_PROCESS_DATABASE_URL is not set');
const baton = await startTestBaton({
  databaseUrl,
  aiTurns: { leaseMs: 5000, pollMs: 200 },
  // The parent test passes these on: a 500 in a child is otherwise only a status code.
  onError: (error) => console.error('reported error:', error),
});
process.stdout.write(`READY ${baton.url}\n`);
const stop = async () => {
  await baton.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
