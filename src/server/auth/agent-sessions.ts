/** Agent sign-in with expiring sessions; only a hash of the session token is stored. */
import { createHash, randomBytes } from 'node:crypto';
import { verifyPassword } from '../../adapters/crypto/password.ts';
import { DomainError } from '../../core/errors.ts';
import type { Agent } from '../../core/model.ts';
import type { Store } from '../../core/ports/store.ts';

export const hashSessionToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const signIn = async (
  store: Store,
  workspaceId: string,
  credentials: { email: string; password: string },
  now: Date,
  ttlHours: number,
): Promise<{ agent: Agent; token: string; expiresAt: Date }> => {
  const agent = await store.agents.getByEmail(workspaceId, credentials.email);
  const ok = agent ? await verifyPassword(credentials.password, agent.passwordHash) : false;
  if (!agent || !ok) {
    throw new DomainError(
      'invalid_credentials',
      'That email and password do not match. Check both and try again.',
    );
  }
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

export const agentForSession = async (store: Store, token: string | undefined, now: Date): Promise<Agent> => {
  if (!token) throw new DomainError('unauthenticated', 'Sign in first.');
  const session = await store.sessions.get(hashSessionToken(token));
  if (!session) throw new DomainError('unauthenticated', 'Your session is not valid. Sign in again.');
  if (session.expiresAt.getTime() <= now.getTime()) {
    await store.sessions.delete(session.tokenHash);
    throw new DomainError('session_expired', 'Your session has expired. Sign in again.');
  }
  const agent = await store.agents.getById(session.agentId);
  if (!agent) throw new DomainError('unauthenticated', 'Your account no longer exists. Ask an admin.');
  return agent;
};

export const signOut = async (store: Store, token: string | undefined): Promise<void> => {
  if (token) await store.sessions.delete(hashSessionToken(token));
};
