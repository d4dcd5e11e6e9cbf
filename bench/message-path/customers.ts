/**
 * Simulated customers for the message-path benchmark: each opens a conversation over HTTP, listens
 * on the WebSocket, and sends questions; latency runs from the POST to the AI answer on the socket.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { WebSocket } from 'ws';

const QUESTIONS = [
  'where is my order?',
  'how long does standard shipping take?',
  'how do I reset my password?',
  'what payment methods do you accept?',
  'how do I download an invoice?',
  'what is your refund policy?',
];

/** How long a customer waits for one answer before counting it as lost (the bench never hangs). */
const ANSWER_TIMEOUT_MS = 60_000;

/**
 * Customers post over plain keep-alive HTTP rather than `fetch`: the load generator shares the
 * machine with the server, and fetch's streams cost it about twice the CPU per request.
 */
const agent = new Agent({ keepAlive: true });

const post = (url: string, headers: Record<string, string>, body: string) =>
  new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });

export interface SimulatedCustomer {
  /** Sends the next question; resolves with the milliseconds until the AI's answer arrived, or null. */
  ask(): Promise<number | null>;
  close(): void;
}

interface Update {
  readonly type: string;
  readonly message?: { readonly author: string; readonly kind: string };
}

export const openCustomer = async (base: string): Promise<SimulatedCustomer> => {
  const started = JSON.parse((await post(`${base}/api/widget/conversations`, {}, '{}')).text) as {
    token: string;
    conversation: { id: string };
  };
  const { token } = started;
  const id = started.conversation.id;
  const ws = new WebSocket(
    `${base.replace('http', 'ws')}/api/live?conversation=${id}&token=${encodeURIComponent(token)}`,
  );
  const waiting: Array<() => void> = [];
  ws.on('message', (data) => {
    const update = JSON.parse(String(data)) as Update;
    // The AI's outcome is an answer or a handoff message: either ends the customer's wait.
    if (update.type === 'message' && update.message?.author === 'ai') waiting.shift()?.();
  });
  await new Promise((resolve) => ws.once('message', resolve));
  let sent = 0;
  return {
    async ask() {
      const text = QUESTIONS[sent % QUESTIONS.length] ?? QUESTIONS[0];
      sent += 1;
      let timer: NodeJS.Timeout | undefined;
      const answered = new Promise<boolean>((resolve) => {
        waiting.push(() => resolve(true));
        timer = setTimeout(() => resolve(false), ANSWER_TIMEOUT_MS);
      });
      const t0 = performance.now();
      const body = JSON.stringify({ text, idempotencyKey: randomUUID() });
      const send = () =>
        post(`${base}/api/widget/conversations/${id}/messages`, { authorization: `Bearer ${token}` }, body);
      // A keep-alive connection the server closed while the customer was idle fails at once; the
      // same idempotency key makes sending again safe (a browser's retry would do the same).
      const response = await send().catch(() => send());
      const ok = (response.status === 201 || response.status === 200) && (await answered);
      clearTimeout(timer);
      return ok ? performance.now() - t0 : null;
    },
    close: () => ws.close(),
  };
};

/** Closed loop: every customer sends its next message as soon as the previous answer arrived. */
export const closedLoop = async (
  customers: readonly SimulatedCustomer[],
  messages: number,
  latencies: number[],
): Promise<void> => {
  await Promise.all(
    customers.map(async (customer) => {
      for (let i = 0; i < messages; i += 1) {
        const ms = await customer.ask();
        if (ms !== null) latencies.push(ms);
      }
    }),
  );
};

/** A seeded generator (mulberry32), so two runs offer the same arrivals. */
const seededRandom = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Open loop: `rate` messages per second offered across the customers as Poisson arrivals (each
 * customer a Poisson stream of rate ÷ N); a customer never sends before its previous answer came,
 * so an arrival that finds its customer still waiting is sent the moment the answer arrives.
 */
export const openLoop = async (
  customers: readonly SimulatedCustomer[],
  messages: number,
  rate: number,
  latencies: number[],
): Promise<void> => {
  const random = seededRandom(42);
  const perCustomer = rate / customers.length;
  const start = performance.now();
  await Promise.all(
    customers.map(async (customer) => {
      let arrival = 0;
      for (let i = 0; i < messages; i += 1) {
        arrival += (-Math.log(1 - random()) / perCustomer) * 1000;
        await sleep(start + arrival - performance.now());
        const ms = await customer.ask();
        if (ms !== null) latencies.push(ms);
      }
    }),
  );
};
