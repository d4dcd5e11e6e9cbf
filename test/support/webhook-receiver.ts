/**
 * A real webhook receiver on 127.0.0.1 for tests (issue 12): it verifies every request's signature
 * as a company's receiver would (docs/SECURITY.md "Verifying webhooks"), and answers with the
 * statuses a test scripts (e.g. 500 twice, then 200).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { verifyWebhook } from '../../src/adapters/webhooks/signature.ts';

export interface ReceivedWebhook {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** Whether the signature verified with the receiver's secret at the time it arrived. */
  readonly verified: boolean;
}

export interface WebhookReceiver {
  readonly url: string;
  readonly received: ReceivedWebhook[];
  /** The secret to verify with (set once the endpoint is registered). */
  secret: string;
  /** Status per request, in order; once used up, every request gets `afterwards`. */
  script: { statuses: number[]; afterwards: number; headers?: Record<string, string> };
  close(): Promise<void>;
}

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export const startWebhookReceiver = async (): Promise<WebhookReceiver> => {
  const receiver: Omit<WebhookReceiver, 'url' | 'close'> = {
    received: [],
    secret: '',
    script: { statuses: [], afterwards: 200 },
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const verified = verifyWebhook(
        receiver.secret,
        {
          timestamp: header(req.headers, 'baton-timestamp'),
          signature: header(req.headers, 'baton-signature'),
        },
        body,
        Math.floor(Date.now() / 1000),
      );
      receiver.received.push({ headers: req.headers, body, verified });
      const status = receiver.script.statuses.shift() ?? receiver.script.afterwards;
      res.writeHead(status, receiver.script.headers ?? {});
      res.end(status < 300 ? 'ok' : 'not now');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('the receiver is not listening on a port');
  const { port } = address;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hooks/baton`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
};
