/**
 * Live updates over WebSocket at /api/live. A customer connects with
 * `?conversation=<id>&token=<conversation token>` and hears only that conversation; an agent
 * connects with the session cookie (or `?session=<token>`) and hears the workspace's inbox.
 * The process's live feed reads each change once for all its sockets.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { conversationTopic, workspaceTopic } from '../../app/live-bus.ts';
import { createLiveFeed } from '../../app/live-feed.ts';
import { isDomainError } from '../../core/errors.ts';
import { agentForSession } from '../auth/agent-sessions.ts';
import { verifyCustomerToken } from '../auth/customer-token.ts';
import { SESSION_COOKIE } from '../routes/require-agent.ts';
import type { ServerDeps } from '../server-env.ts';

const LIVE_PATH = '/api/live';
const HEARTBEAT_MS = 30_000;

const cookieValue = (header: string | undefined, name: string): string | undefined => {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
};

/** Which topic this connection may hear, or why not. */
const topicFor = async (deps: ServerDeps, request: IncomingMessage): Promise<string> => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const conversationId = url.searchParams.get('conversation');
  const token = url.searchParams.get('token');
  if (conversationId && token) {
    const claims = verifyCustomerToken(deps.settings.secret, token, deps.app.now());
    if (claims.conversationId !== conversationId) throw new Error('token is for another conversation');
    return conversationTopic(conversationId);
  }
  const session = url.searchParams.get('session') ?? cookieValue(request.headers.cookie, SESSION_COOKIE);
  const agent = await agentForSession(deps.app.store, session, deps.app.now());
  return workspaceTopic(agent.workspaceId);
};

const reject = (socket: Duplex, status: number, text: string) => {
  socket.write(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
};

export const attachLiveSocket = (server: Server, deps: ServerDeps): { close(): void } => {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const feed = createLiveFeed(deps.app);
  const alive = new WeakSet<WebSocket>();

  server.on('upgrade', (request, socket, head) => {
    if (!(request.url ?? '').startsWith(LIVE_PATH)) return reject(socket, 404, 'Not Found');
    topicFor(deps, request).then(
      (topic) =>
        wss.handleUpgrade(request, socket, head, (ws) => {
          alive.add(ws);
          ws.on('pong', () => alive.add(ws));
          const unsubscribe = feed.subscribe(topic, (update) => ws.send(JSON.stringify(update)));
          ws.on('close', unsubscribe);
          ws.on('error', unsubscribe);
          ws.send(JSON.stringify({ type: 'ready' }));
        }),
      (error: unknown) => reject(socket, 401, isDomainError(error) ? 'Unauthorized' : 'Forbidden'),
    );
  });

  // Drop connections that stopped answering pings, so dead sockets do not pile up.
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    close() {
      clearInterval(heartbeat);
      feed.close();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
};
