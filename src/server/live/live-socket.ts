/**
 * Live updates over WebSocket at /api/live. A customer connects with
 * `?conversation=<id>&token=<conversation token>` and hears only that conversation. Staff connect
 * with the session cookie only (never a token in the URL, where logs and histories keep it) and hear
 * the conversations they may read over REST (canSeeConversation). A staff socket closes when its
 * session ends: at once on sign-out or deactivation in this process, at its expiry, and at the next
 * session check when it was revoked elsewhere. When the person's role or teams change it closes with
 * "access changed" and the client reconnects with the new access (at once here, at the next
 * session check elsewhere). A browser's Origin must be Baton's own or an allowed one.
 * The process's live feed reads each change once for all its sockets.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { conversationTopic, workspaceTopic } from '../../app/live-bus.ts';
import { type Audience, createLiveFeed } from '../../app/live-feed.ts';
import { canSeeConversation } from '../../core/auth/permissions.ts';
import { isDomainError } from '../../core/errors.ts';
import type { Agent } from '../../core/model.ts';
import { type StaffSession, staffSession } from '../auth/agent-sessions.ts';
import { verifyCustomerToken } from '../auth/customer-token.ts';
import { SESSION_COOKIE } from '../routes/require-agent.ts';
import type { ServerDeps } from '../server-env.ts';
import { originAllowed } from './live-origin.ts';
import type { SocketEnd } from './session-sockets.ts';

const LIVE_PATH = '/api/live';
const HEARTBEAT_MS = 30_000;
/** Close codes a client can act on: the session is over, sign in again… */
export const SESSION_ENDED_CLOSE = 4401;
/** …or the person's role or teams changed: reconnect to hear what the new access allows. */
export const ACCESS_CHANGED_CLOSE = 4409;

const cookieValue = (header: string | undefined, name: string): string | undefined => {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
};

type Listener =
  | { readonly kind: 'customer'; readonly topic: string }
  | {
      readonly kind: 'staff';
      readonly topic: string;
      readonly session: StaffSession;
      readonly token: string;
    };

/** Who this connection is and what it may hear, or why not. */
const listenerFor = async (deps: ServerDeps, request: IncomingMessage): Promise<Listener> => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const conversationId = url.searchParams.get('conversation');
  const token = url.searchParams.get('token');
  if (conversationId && token) {
    const claims = verifyCustomerToken(deps.settings.secret, token, deps.app.now());
    if (claims.conversationId !== conversationId) throw new Error('token is for another conversation');
    return { kind: 'customer', topic: conversationTopic(conversationId) };
  }
  const sessionToken = cookieValue(request.headers.cookie, SESSION_COOKIE);
  const session = await staffSession(deps.app.store, sessionToken, deps.app.now());
  return {
    kind: 'staff',
    topic: workspaceTopic(session.agent.workspaceId),
    session,
    token: sessionToken ?? '',
  };
};

const reject = (socket: Duplex, status: number, text: string) => {
  socket.write(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
};

/** What a staff socket may hear depends on these; when they change, it reconnects. */
const accessOf = (agent: Agent): string => JSON.stringify([agent.role, [...agent.teamKeys].sort()]);

/**
 * Staff sockets re-read their session on every heartbeat: a revoked or expired one is over, and one
 * whose person's role or teams changed (perhaps in another process) must reconnect.
 */
const sessionCheck = async (deps: ServerDeps, token: string, access: string): Promise<SocketEnd | null> => {
  try {
    const { agent } = await staffSession(deps.app.store, token, deps.app.now());
    return accessOf(agent) === access ? null : 'access_changed';
  } catch (error) {
    if (isDomainError(error)) return 'session_ended';
    throw error;
  }
};

export const attachLiveSocket = (server: Server, deps: ServerDeps): { close(): void } => {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const feed = createLiveFeed(deps.app);
  const alive = new WeakSet<WebSocket>();
  const staffTokens = new Map<WebSocket, { readonly token: string; readonly access: string }>();

  const endSession = (ws: WebSocket, why: SocketEnd = 'session_ended') =>
    why === 'session_ended'
      ? ws.close(SESSION_ENDED_CLOSE, 'session ended')
      : ws.close(ACCESS_CHANGED_CLOSE, 'access changed');

  const open = (ws: WebSocket, listener: Listener) => {
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
    const cleanups: (() => void)[] = [];
    if (listener.kind === 'staff') {
      const { agent, tokenHash, expiresAt } = listener.session;
      const audience: Audience = (conversation) => canSeeConversation(agent, conversation);
      cleanups.push(feed.subscribe(listener.topic, (update) => ws.send(JSON.stringify(update)), audience));
      cleanups.push(
        deps.sessionSockets?.add(tokenHash, agent.id, (why) => endSession(ws, why)) ?? (() => {}),
      );
      const untilExpiry = Math.max(0, expiresAt.getTime() - deps.app.now().getTime());
      // setTimeout holds at most ~24.8 days; longer sessions are caught by the heartbeat check.
      const expiry = setTimeout(() => endSession(ws), Math.min(untilExpiry, 2 ** 31 - 1));
      expiry.unref();
      cleanups.push(() => clearTimeout(expiry));
      staffTokens.set(ws, { token: listener.token, access: accessOf(agent) });
      cleanups.push(() => staffTokens.delete(ws));
    } else {
      cleanups.push(feed.subscribe(listener.topic, (update) => ws.send(JSON.stringify(update))));
    }
    const cleanup = () => {
      for (const done of cleanups.splice(0)) done();
    };
    ws.on('close', cleanup);
    ws.on('error', cleanup);
    ws.send(JSON.stringify({ type: 'ready' }));
  };

  server.on('upgrade', (request, socket, head) => {
    if (!(request.url ?? '').startsWith(LIVE_PATH)) return reject(socket, 404, 'Not Found');
    if (!originAllowed(request, deps.settings.liveAllowedOrigins ?? []))
      return reject(socket, 403, 'Forbidden');
    listenerFor(deps, request).then(
      (listener) => wss.handleUpgrade(request, socket, head, (ws) => open(ws, listener)),
      (error: unknown) => reject(socket, 401, isDomainError(error) ? 'Unauthorized' : 'Forbidden'),
    );
  });

  // Drop connections that stopped answering pings, and staff sockets whose session is over.
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
    for (const [ws, { token, access }] of staffTokens) {
      sessionCheck(deps, token, access).then(
        (why) => (why === null ? undefined : endSession(ws, why)),
        (error: unknown) => deps.app.reportError(error, { during: 'live_session_check' }),
      );
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
