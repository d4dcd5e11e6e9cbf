/**
 * The process's HTTP listener, whose handler can be replaced: before the first set-up it answers
 * with the set-up page, then with the whole Baton on the same port, without dropping a request.
 */
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';

export type FetchHandler = (request: Request, env: unknown) => Response | Promise<Response>;

export interface Listener {
  readonly server: Server;
  readonly port: number;
  /** Answers every later request with this handler. */
  use(fetch: FetchHandler): void;
  close(): Promise<void>;
}

export const listen = async (fetch: FetchHandler, port: number, host: string): Promise<Listener> => {
  let current = fetch;
  const server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: (request, env) => current(request, env), port, hostname: host }, () =>
      resolve(started as Server),
    ) as Server;
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the HTTP server has no TCP address');
  return {
    server,
    port: address.port,
    use(fetch) {
      current = fetch;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
