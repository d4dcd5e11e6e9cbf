/**
 * What outbound webhooks cost (issue 12), in one run on PGlite in memory:
 *  - writing an event with no endpoint, with three endpoints subscribed to other types, and with
 *    three subscribed to it (the trigger queues a delivery per endpoint in the event's transaction);
 *  - how many signed deliveries per second one process sends to a receiver on 127.0.0.1.
 * Figures are also given as multiples of the same run's no-endpoint event write.
 * Usage: npx tsx bench/webhooks/run.ts [--events 500] [--deliveries 300]
 */
import { randomUUID } from 'node:crypto';
import { sealSecret } from '../../src/adapters/crypto/secret-box.ts';
import { openStore } from '../../src/adapters/store/open-store.ts';
import { sendWebhookOverHttp } from '../../src/adapters/webhooks/http-sender.ts';
import { WEBHOOK_SECRET_PURPOSE } from '../../src/app/ops/webhooks.ts';
import { startWebhookWorker } from '../../src/app/webhook-worker.ts';
import { DEFAULT_WEBHOOK_RETRY } from '../../src/core/webhooks/retry-schedule.ts';
import { startWebhookReceiver } from '../../test/support/webhook-receiver.ts';

const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1]) || fallback : fallback;
};
const events = argument('--events', 500);
const deliveries = argument('--deliveries', 300);
const SECRET = 'bench-secret-0123456789abcdef0123456789';

const store = await openStore({ memory: true });
const workspace = await store.workspaces.create({ slug: `bench-${randomUUID()}`, name: 'Acme' });
const customer = await store.customers.create({ workspaceId: workspace.id, name: 'Dana' });
const conversation = await store.conversations.create(
  { workspaceId: workspace.id, customerId: customer.id },
  { type: 'conversation_started', actor: { kind: 'customer', id: customer.id }, data: { channel: 'widget' } },
);
const sealed = { ...sealSecret(SECRET, WEBHOOK_SECRET_PURPOSE, 'whsec_bench') };
const addEndpoints = (eventTypes: readonly string[], url = 'https://hooks.example.com/x') =>
  Promise.all(
    [1, 2, 3].map(() =>
      store.webhooks.createEndpoint({
        workspaceId: workspace.id,
        url,
        eventTypes,
        description: null,
        secret: sealed,
        createdBy: null,
      }),
    ),
  );

const perEventMs = async (): Promise<number> => {
  const started = performance.now();
  for (let i = 0; i < events; i += 1) {
    await store.events.append(conversation.id, {
      type: 'categorised',
      actor: { kind: 'ai' },
      data: { category: 'billing' },
    });
  }
  return (performance.now() - started) / events;
};

await perEventMs(); // warm-up
const none = await perEventMs();
const others = await addEndpoints(['resolved']);
const unsubscribed = await perEventMs();
const subscribed = await addEndpoints(['categorised']);
const queued = await perEventMs();
for (const endpoint of [...others, ...subscribed])
  await store.webhooks.deleteEndpoint(workspace.id, endpoint.id);

const receiver = await startWebhookReceiver();
receiver.secret = 'whsec_bench';
const [target] = await addEndpoints(['webhook_test'], receiver.url);
if (target === undefined) throw new Error('no endpoint');
for (let i = 0; i < deliveries; i += 1) {
  await store.webhooks.enqueue(workspace.id, target.id, { eventType: 'webhook_test', body: `{"n":${i}}` });
}
const started = performance.now();
const worker = startWebhookWorker(
  { store, workspaceId: workspace.id, now: () => new Date(), reportError: (error) => console.error(error) },
  {
    owner: 'bench',
    pollMs: 5,
    leaseMs: 60_000,
    concurrency: 4,
    timeoutMs: 5000,
    allowPrivate: true,
    retry: DEFAULT_WEBHOOK_RETRY,
    secret: SECRET,
    send: sendWebhookOverHttp,
    random: Math.random,
  },
);
while (receiver.received.length < deliveries) await new Promise((resolve) => setTimeout(resolve, 5));
const seconds = (performance.now() - started) / 1000;
await worker.stop();
const verified = receiver.received.filter((request) => request.verified).length;
await receiver.close();
await store.close();

const ms = (value: number) => `${value.toFixed(2)} ms`;
console.log(`event write, no endpoint:                 ${ms(none)} (1.00×)`);
console.log(
  `event write, 3 endpoints for other types: ${ms(unsubscribed)} (${(unsubscribed / none).toFixed(2)}×)`,
);
console.log(`event write, 3 deliveries queued with it: ${ms(queued)} (${(queued / none).toFixed(2)}×)`);
console.log(
  `deliveries sent: ${deliveries} in ${seconds.toFixed(2)} s = ${(deliveries / seconds).toFixed(0)}/s ` +
    `(${verified} verified; one delivery every ${ms((seconds * 1000) / deliveries)} = ${((seconds * 1000) / deliveries / none).toFixed(2)}× an event write)`,
);
