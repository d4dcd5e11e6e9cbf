/**
 * A small OpenAI-compatible chat-completions server on 127.0.0.1 for tests (issue 11): real HTTP,
 * server-sent-event streaming, tool calls, token usage, and scriptable faults (errors, 429 with
 * Retry-After, hangs, dropped connections, malformed or empty output). It records every request.
 *
 * Its default script is a small, well-behaved "model" that keeps to Baton's prompt: it calls a
 * lookup tool when the customer's order can be looked up, then answers by quoting the source that
 * best matches the question with its `[n]` marker, or says NO_ANSWER when no source matches.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';

/** The part of a chat-completions request the fake reads; anything else is accepted and ignored. */
const requestSchema = z.object({
  model: z.string(),
  messages: z.array(
    z.object({
      role: z.string(),
      content: z.string().nullable().optional(),
      tool_calls: z
        .array(z.object({ id: z.string(), function: z.object({ name: z.string(), arguments: z.string() }) }))
        .optional(),
      tool_call_id: z.string().optional(),
    }),
  ),
  tools: z
    .array(z.object({ type: z.string(), function: z.object({ name: z.string(), parameters: z.unknown() }) }))
    .optional(),
  stream: z.boolean().optional(),
});

export interface FakeChatMessage {
  readonly role: string;
  readonly content?: string | null;
  readonly tool_calls?: readonly { id: string; function: { name: string; arguments: string } }[];
  readonly tool_call_id?: string;
}

export interface FakeChatRequest {
  readonly model: string;
  readonly messages: readonly FakeChatMessage[];
  readonly tools?: readonly { type: string; function: { name: string; parameters: unknown } }[];
  readonly stream?: boolean;
  readonly authorization: string | null;
}

export type FakeReply =
  | { readonly kind: 'text'; readonly text: string; readonly chunkDelayMs?: number }
  | { readonly kind: 'tool_calls'; readonly calls: readonly { name: string; arguments: string }[] }
  | { readonly kind: 'status'; readonly status: number; readonly retryAfterSeconds?: number }
  | { readonly kind: 'hang' }
  | { readonly kind: 'drop' }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'empty' };

export type FakeScript = (request: FakeChatRequest, index: number) => FakeReply;

export interface FakeOpenAiServer {
  /** The base URL to configure, ending in `/v1`. */
  readonly baseUrl: string;
  readonly requests: FakeChatRequest[];
  /** Replaces the script (the default grounded model without an argument). */
  script(next?: FakeScript): void;
  close(): Promise<void>;
}

const words = (text: string): Set<string> =>
  new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length > 3),
  );

/** The numbered sources in Baton's prompt: `[n] …` blocks. */
const sourcesIn = (messages: readonly FakeChatMessage[]): { n: number; text: string }[] => {
  const all = messages.map((message) => message.content ?? '').join('\n');
  return [...all.matchAll(/^\[(\d+)\] ([^\n]*(?:\n(?!\[\d+\] )[^\n]+)*)/gm)].map((match) => ({
    n: Number(match[1]),
    text: match[2] ?? '',
  }));
};

const latestCustomer = (messages: readonly FakeChatMessage[]): string => {
  const last = [...messages].reverse().find((message) => message.role === 'user')?.content ?? '';
  return /<customer_message>([\s\S]*?)<\/customer_message>/.exec(last)?.[1] ?? last;
};

/** The default script: a model that keeps to the sources and cites them. */
export const groundedModel: FakeScript = (request) => {
  const question = latestCustomer(request.messages);
  const toolResults = request.messages.filter((message) => message.role === 'tool');
  const number = /\b(\d{4})\b/.exec(question)?.[1];
  const orderTool = request.tools?.find((tool) => tool.function.name === 'order');
  if (orderTool && number && toolResults.length === 0) {
    return {
      kind: 'tool_calls',
      calls: [{ name: 'order', arguments: JSON.stringify({ order_number: number }) }],
    };
  }
  const sources = sourcesIn(request.messages);
  const lookup = sources.find((source) => /^Lookup/.test(source.text) && /Order status/.test(source.text));
  if (lookup && /order/i.test(question)) {
    const status = /Order status: ([^\n.]+)/.exec(lookup.text)?.[1] ?? '';
    const order = /Order: ([^\n.]+)/.exec(lookup.text)?.[1] ?? '';
    return { kind: 'text', text: `Your order ${order} is ${status} [${lookup.n}].`, chunkDelayMs: 5 };
  }
  const asked = words(question);
  const ranked = sources
    .map((source) => ({ source, overlap: [...words(source.text)].filter((word) => asked.has(word)).length }))
    .sort((a, b) => b.overlap - a.overlap);
  const best = ranked[0];
  if (!best || best.overlap < 2)
    return { kind: 'text', text: 'NO_ANSWER: the sources do not cover this question.' };
  const body = best.source.text.replace(/^[^:]*: /, '');
  const sentences = body
    .split(/(?<=[.!?])\s+/)
    .slice(0, 2)
    .join(' ');
  return { kind: 'text', text: `${sentences} [${best.source.n}]`, chunkDelayMs: 5 };
};

const sse = (response: ServerResponse, payload: unknown) =>
  response.write(`data: ${JSON.stringify(payload)}\n\n`);

const chunk = (model: string, delta: Record<string, unknown>, finish: string | null = null) => ({
  id: 'chatcmpl-fake',
  object: 'chat.completion.chunk',
  created: 0,
  model,
  choices: [{ index: 0, delta, finish_reason: finish }],
});

const usageOf = (request: FakeChatRequest, text: string) => {
  const prompt = Math.ceil(request.messages.map((m) => m.content ?? '').join(' ').length / 4);
  const completion = Math.max(1, Math.ceil(text.length / 4));
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const streamText = async (
  response: ServerResponse,
  request: FakeChatRequest,
  text: string,
  delayMs: number,
) => {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  sse(response, chunk(request.model, { role: 'assistant', content: '' }));
  for (const piece of text.match(/\S+\s*/g) ?? []) {
    sse(response, chunk(request.model, { content: piece }));
    if (delayMs > 0) await sleep(delayMs);
  }
  sse(response, chunk(request.model, {}, 'stop'));
  sse(response, { ...chunk(request.model, {}), choices: [], usage: usageOf(request, text) });
  response.end('data: [DONE]\n\n');
};

const streamToolCalls = (
  response: ServerResponse,
  request: FakeChatRequest,
  calls: readonly { name: string; arguments: string }[],
) => {
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  calls.forEach((call, index) => {
    const half = Math.floor(call.arguments.length / 2);
    sse(
      response,
      chunk(request.model, {
        tool_calls: [
          {
            index,
            id: `call_${index}`,
            type: 'function',
            function: { name: call.name, arguments: call.arguments.slice(0, half) },
          },
        ],
      }),
    );
    sse(
      response,
      chunk(request.model, { tool_calls: [{ index, function: { arguments: call.arguments.slice(half) } }] }),
    );
  });
  sse(response, chunk(request.model, {}, 'tool_calls'));
  sse(response, { ...chunk(request.model, {}), choices: [], usage: usageOf(request, JSON.stringify(calls)) });
  response.end('data: [DONE]\n\n');
};

const reply = async (response: ServerResponse, request: FakeChatRequest, answer: FakeReply) => {
  switch (answer.kind) {
    case 'text':
      return streamText(response, request, answer.text, answer.chunkDelayMs ?? 0);
    case 'tool_calls':
      return streamToolCalls(response, request, answer.calls);
    case 'status':
      response.writeHead(answer.status, {
        'content-type': 'application/json',
        ...(answer.retryAfterSeconds !== undefined
          ? { 'retry-after': String(answer.retryAfterSeconds) }
          : {}),
      });
      return response.end(
        JSON.stringify({ error: { message: `fake status ${answer.status}`, type: 'fake' } }),
      );
    case 'hang':
      return; // never answers: the caller's deadline must end it
    case 'drop':
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      sse(response, chunk(request.model, { content: 'Your ord' }));
      return response.socket?.destroy();
    case 'malformed':
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: {"choices": [{"delta": {"content": "half\n\n');
      return response.end('data: [DONE]\n\n');
    case 'empty':
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      sse(response, chunk(request.model, {}, 'stop'));
      return response.end('data: [DONE]\n\n');
  }
};

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (part: string) => {
      body += part;
    });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });

/** Starts the fake server on a free loopback port; `apiKey` makes it demand that bearer key. */
export const startFakeOpenAiServer = async (
  options: { readonly script?: FakeScript; readonly apiKey?: string } = {},
): Promise<FakeOpenAiServer> => {
  let script = options.script ?? groundedModel;
  const requests: FakeChatRequest[] = [];
  const server: Server = createServer(async (incoming, response) => {
    if (incoming.method !== 'POST' || !incoming.url?.endsWith('/v1/chat/completions')) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    const authorization = incoming.headers.authorization ?? null;
    const parsed = requestSchema.safeParse(JSON.parse(await readBody(incoming)));
    if (!parsed.success) {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: parsed.error.message } }));
      return;
    }
    const request: FakeChatRequest = { ...parsed.data, authorization };
    requests.push(request);
    if (options.apiKey && authorization !== `Bearer ${options.apiKey}`) {
      await reply(response, request, { kind: 'status', status: 401 });
      return;
    }
    await reply(response, request, script(request, requests.length - 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the fake OpenAI server has no port');
  return {
    baseUrl: `http://127.0.0.1:${address.port}/v1`,
    requests,
    script(next) {
      script = next ?? groundedModel;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
