/**
 * The benchmark's simulated customers in a process of their own, so the measured server process
 * spends its CPU on the message path alone (as a server does in production, where the customers
 * are browsers elsewhere). Speaks line-delimited JSON with run.ts: prints `{"ready":true}` once
 * every customer has opened its conversation and had its warm-up answer, waits for a line on
 * stdin to start, and prints `{"latencies":[…],"seconds":S}` when the loop is done.
 *
 *   node --import tsx bench/message-path/client-process.ts URL CUSTOMERS MESSAGES WARMUP_ROUNDS [RATE]
 */
import { createInterface } from 'node:readline';
import { inlineClients } from './clients.ts';

const [url, customers, messages, warmupRounds, rate] = process.argv.slice(2);
if (!url || !customers || !messages || !warmupRounds) {
  process.stderr.write('usage: client-process.ts URL CUSTOMERS MESSAGES WARMUP_ROUNDS [RATE]\n');
  process.exit(2);
}
// The same customers and loops as --clients inline, only in this process.
const clients = await inlineClients({
  url,
  customers: Number(customers),
  messages: Number(messages),
  rate: rate === undefined ? null : Number(rate),
  warmupRounds: Number(warmupRounds),
});
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);

const lines = createInterface({ input: process.stdin });
await new Promise((resolve) => lines.once('line', resolve));
lines.close();
const before = process.cpuUsage();
const result = await clients.run();
const cpu = process.cpuUsage(before);
clients.close();
// The customers' own CPU, so the run can say how much of the machine the load generator took.
process.stdout.write(`${JSON.stringify({ ...result, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
