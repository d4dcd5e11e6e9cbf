/**
 * Which workspace a request belongs to (docs/workspaces.md): its credential says so — a staff
 * session, an API key, a customer's conversation token — and only the entry points without one
 * (sign-in, starting a chat, the chat's look, invitation and reset links) name a workspace: a
 * `workspace` slug in the JSON body or the query, or the link's own token. Anything else, and a
 * credential this install does not know, goes to the install's default workspace, whose routes
 * refuse what they must (an unknown credential is unknown in every workspace).
 */
import { parse } from 'hono/utils/cookie';
import { hashApiKey } from '../app/company/api-keys.ts';
import { hashLinkToken } from '../app/company/people.ts';
import { isApiKeyToken } from '../core/auth/api-key-scopes.ts';
import type { Store } from '../core/ports/store.ts';
import { hashSessionToken } from './auth/agent-sessions.ts';
import { verifyCustomerToken } from './auth/customer-token.ts';
import { SESSION_COOKIE } from './routes/require-agent.ts';

export type RequestWorkspace =
  | { readonly kind: 'id'; readonly id: string }
  | { readonly kind: 'slug'; readonly slug: string }
  | { readonly kind: 'default' };

const DEFAULT: RequestWorkspace = { kind: 'default' };
/** Bodies read here to find the slug: the entry points' JSON is small; larger ones are refused later. */
const MAX_PEEK_BYTES = 256 * 1024;

const bearerOf = (request: Request): string | undefined => {
  const header = request.headers.get('authorization') ?? '';
  return header.startsWith('Bearer ') ? header.slice(7).trim() || undefined : undefined;
};

const slugFromQuery = (request: Request): RequestWorkspace => {
  const slug = new URL(request.url).searchParams.get('workspace');
  return slug ? { kind: 'slug', slug } : DEFAULT;
};

/** A JSON body's field (`workspace`, `token`), read from a copy so the route still reads the body. */
const bodyField = async (request: Request, field: string): Promise<string | undefined> => {
  const length = Number(request.headers.get('content-length') ?? 'NaN');
  if (!Number.isFinite(length) || length > MAX_PEEK_BYTES) return undefined;
  try {
    const body: unknown = await request.clone().json();
    if (typeof body !== 'object' || body === null || !(field in body)) return undefined;
    const value: unknown = Reflect.get(body, field);
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  } catch {
    return undefined;
  }
};

const fromSlugField = async (request: Request): Promise<RequestWorkspace> => {
  const slug = await bodyField(request, 'workspace');
  return slug ? { kind: 'slug', slug } : slugFromQuery(request);
};

const fromLinkToken = async (store: Store, request: Request): Promise<RequestWorkspace> => {
  const token = await bodyField(request, 'token');
  const link = token ? await store.peopleLinks.get(hashLinkToken(token)) : null;
  return link ? { kind: 'id', id: link.workspaceId } : DEFAULT;
};

const fromStaffToken = async (store: Store, token: string): Promise<RequestWorkspace> => {
  if (isApiKeyToken(token)) {
    const key = await store.apiKeys.getByTokenHash(hashApiKey(token));
    return key ? { kind: 'id', id: key.workspaceId } : DEFAULT;
  }
  const session = await store.sessions.get(hashSessionToken(token));
  const agent = session ? await store.agents.getById(session.agentId) : null;
  return agent ? { kind: 'id', id: agent.workspaceId } : DEFAULT;
};

const fromCustomerToken = async (
  store: Store,
  secret: string,
  token: string,
  now: Date,
): Promise<RequestWorkspace | null> => {
  try {
    const claims = verifyCustomerToken(secret, token, now);
    const conversation = await store.conversations.getById(claims.conversationId);
    return conversation ? { kind: 'id', id: conversation.workspaceId } : DEFAULT;
  } catch {
    // Not a customer token (or a bad one): perhaps a staff bearer token.
    return null;
  }
};

/** The credential's workspace: a customer token on the chat's routes, else a session or API key. */
const fromCredential = async (
  store: Store,
  secret: string,
  request: Request,
  now: Date,
): Promise<RequestWorkspace> => {
  const url = new URL(request.url);
  const bearer = bearerOf(request);
  // The chat sends its conversation token as a bearer (the live socket: in the query); a staff
  // cookie in the same browser must not pull the customer into the staff member's workspace.
  const customerToken = url.pathname.startsWith('/api/widget/')
    ? bearer
    : url.pathname === '/api/live'
      ? (url.searchParams.get('token') ?? undefined)
      : undefined;
  const customer = customerToken ? await fromCustomerToken(store, secret, customerToken, now) : null;
  if (customer) return customer;
  const staffToken = parse(request.headers.get('cookie') ?? '', SESSION_COOKIE)[SESSION_COOKIE] ?? bearer;
  return staffToken ? fromStaffToken(store, staffToken) : DEFAULT;
};

/** The entry points that take a slug or a link token instead of a credential. */
const entryPoint = (store: Store, request: Request): Promise<RequestWorkspace> | null => {
  const { pathname } = new URL(request.url);
  const route = `${request.method} ${pathname.replace(/\/+$/, '')}`;
  switch (route) {
    case 'POST /api/auth/sign-in':
    case 'POST /api/widget/conversations':
      return fromSlugField(request);
    case 'GET /api/widget/settings':
      return Promise.resolve(slugFromQuery(request));
    case 'POST /api/people-links/open':
    case 'POST /api/people-links/accept':
      return fromLinkToken(store, request);
    default:
      return null;
  }
};

/**
 * `several`: the install has more than one workspace. With one, a credential can only be the
 * default workspace's (or unknown), so it is not looked up twice; a slug is still honoured.
 */
export const createRequestWorkspace =
  (store: Store, secret: string, now: () => Date) =>
  (request: Request, several: boolean): Promise<RequestWorkspace> =>
    entryPoint(store, request) ??
    (several ? fromCredential(store, secret, request, now()) : Promise.resolve(DEFAULT));
