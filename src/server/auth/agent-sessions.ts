/** Agent sign-in with expiring sessions; only a hash of the session token is stored. */
import { createHash, randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from '../../adapters/crypto/password.ts';
import { DomainError } from '../../core/errors.ts';
import type { Agent } from '../../core/model.ts';
import type { Store } from '../../core/ports/store.ts';
import { noRateLimits, type SignInGuard } from '../security/rate-limits.ts';

export const hashSessionToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * A hash to check passwords against when the email has no account, so the answer takes as long as
 * for a real account: otherwise timing tells which emails have one (≈116 ms against ≈3 ms).
 */
let standIn: Promise<string> | undefined;
const standInHash = (): Promise<string> => {
  standIn ??= hashPassword(randomBytes(16).toString('base64url'));
  return standIn;
};

export const signIn = async (
  store: Store,
  workspaceId: string,
  credentials: { email: string; password: string },
  now: Date,
  ttlHours: number,
  limits: { readonly guard: SignInGuard; readonly address: string } = {
    guard: noRateLimits.signIn,
    address: 'unknown',
  },
): Promise<{ agent: Agent; token: string; expiresAt: Date }> => {
  await limits.guard.before(limits.address, credentials.email);
  const agent = await store.agents.getByEmail(workspaceId, credentials.email);
  const ok = await verifyPassword(credentials.password, agent?.passwordHash ?? (await standInHash()));
  if (!agent || !ok || !agent.active) {
    await limits.guard.failed(limits.address, credentials.email);
    throw new DomainError(
      'invalid_credentials',
      'That email and password do not match. Check both and try again.',
    );
  }
  await limits.guard.succeeded(credentials.email);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000);
  await store.sessions.create({
    tokenHash: hashSessionToken(token),
    agentId: agent.id,
    createdAt: now,
    expiresAt,
  });
  return { agent, token, expiresAt };
};

export interface StaffSession {
  readonly agent: Agent;
  readonly tokenHash: string;
  readonly expiresAt: Date;
}

/** The live session a token opens, with its person; 401 codes when there is none. */
export const staffSession = async (
  store: Store,
  token: string | undefined,
  now: Date,
): Promise<StaffSession> => {
  if (!token) throw new DomainError('unauthenticated', 'Sign in first.');
  const session = await store.sessions.get(hashSessionToken(token));
  if (!session) throw new DomainError('unauthenticated', 'Your session is not valid. Sign in again.');
  if (session.expiresAt.getTime() <= now.getTime()) {
    await store.sessions.delete(session.tokenHash);
    throw new DomainError('session_expired', 'Your session has expired. Sign in again.');
  }
  const agent = await store.agents.getById(session.agentId);
  if (!agent?.active) {
    throw new DomainError('unauthenticated', 'Your account is closed or no longer exists. Ask an admin.');
  }
  return { agent, tokenHash: session.tokenHash, expiresAt: session.expiresAt };
};

export const agentForSession = async (store: Store, token: string | undefined, now: Date): Promise<Agent> =>
  (await staffSession(store, token, now)).agent;

export const signOut = async (store: Store, token: string | undefined): Promise<void> => {
  if (token) await store.sessions.delete(hashSessionToken(token));
};
