/**
 * The benchmark's simulated customers in a process of their own, so the measured server process
 * spends its CPU on the message path alone (as a server does in production, where the customers
 * are browsers elsewhere). Speaks line-delimited JSON with run.ts: prints `{"ready":true}` once
 * every customer has opened its conversation and had its warm-up answer, waits for a line on
 * stdin to start, and prints `{"latencies":[…],"seconds":S}` when the loop is done.
 *
 *   node --import tsx bench/message-path/client-process.ts URL CUSTOMERS MESSAGES [RATE]
 */
import { createInterface } from 'node:readline';
import { closedLoop, openCustomer, openLoop } from './customers.ts';

const [url, customersText, messagesText, rateText] = process.argv.slice(2);
if (!url || !customersText || !messagesText) {
  process.stderr.write('usage: client-process.ts URL CUSTOMERS MESSAGES [RATE]\n');
  process.exit(2);
}
const customers = await Promise.all(Array.from({ length: Number(customersText) }, () => openCustomer(url)));
await Promise.all(customers.map((c) => c.ask()));
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);

const lines = createInterface({ input: process.stdin });
await new Promise((resolve) => lines.once('line', resolve));
lines.close();
const latencies: number[] = [];
const t0 = performance.now();
if (rateText === undefined) await closedLoop(customers, Number(messagesText), latencies);
else await openLoop(customers, Number(messagesText), Number(rateText), latencies);
const seconds = (performance.now() - t0) / 1000;
for (const c of customers) c.close();
process.stdout.write(`${JSON.stringify({ latencies, seconds })}\n`);
