/**
 * People (issue 10, SPEC §1 and §11): admins invite people with one-time links, change their role,
 * teams and chat capacity, deactivate them (their sessions end in the same statement) and make
 * password-reset links; everyone changes their own password and sees their own sessions.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from '../../adapters/crypto/password.ts';
import { canManagePeople } from '../../core/auth/permissions.ts';
import { DomainError } from '../../core/errors.ts';
import type { Agent, AgentRole, AgentSession } from '../../core/model.ts';
import type { PeopleLink } from '../../core/ports/store.ts';
import type { AppContext } from '../context.ts';

/** An invitation waits a week; a password reset a day (it opens an existing account). */
const INVITATION_DAYS = 7;
const RESET_HOURS = 24;

export const hashLinkToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const requireAdmin = (actor: Agent): void => {
  if (!canManagePeople(actor)) throw new DomainError('forbidden', 'Only an admin can manage people.');
};

const personIn = async (ctx: AppContext, id: string): Promise<Agent> => {
  const person = await ctx.store.agents.getById(id);
  if (!person || person.workspaceId !== ctx.workspace.id) {
    throw new DomainError('not_found', `No person ${id} in this workspace. Pick one from the people list.`);
  }
  return person;
};

const teamKeysKnown = async (ctx: AppContext, teamKeys: readonly string[]): Promise<void> => {
  const known = new Set((await ctx.store.teams.list(ctx.workspace.id)).map((team) => team.key));
  const unknown = teamKeys.filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw new DomainError('invalid_input', `No team ${unknown.join(', ')}. Pick teams from the team list.`);
  }
};

export interface PeopleList {
  readonly people: readonly Agent[];
  readonly invitations: readonly PeopleLink[];
}

export const listPeople = async (ctx: AppContext, actor: Agent): Promise<PeopleList> => {
  requireAdmin(actor);
  return {
    people: await ctx.store.agents.list(ctx.workspace.id),
    invitations: await ctx.store.peopleLinks.pendingInvitations(ctx.workspace.id, ctx.now()),
  };
};

export interface NewInvitation {
  readonly email: string;
  readonly name: string;
  readonly role: AgentRole;
  readonly teamKeys: readonly string[];
  readonly capacity: number;
}

/** Returns the link's token: shown to the admin once (and mailed when mail is set up), stored only hashed. */
export const invitePerson = async (
  ctx: AppContext,
  actor: Agent,
  invitation: NewInvitation,
): Promise<{ token: string; link: PeopleLink }> => {
  requireAdmin(actor);
  if (await ctx.store.agents.getByEmail(ctx.workspace.id, invitation.email)) {
    throw new DomainError('conflict', `${invitation.email} already has an account here.`);
  }
  await teamKeysKnown(ctx, invitation.teamKeys);
  const token = randomBytes(24).toString('base64url');
  const link = await ctx.store.peopleLinks.create({
    ...invitation,
    tokenHash: hashLinkToken(token),
    workspaceId: ctx.workspace.id,
    kind: 'invitation',
    agentId: null,
    createdBy: actor.id,
    expiresAt: new Date(ctx.now().getTime() + INVITATION_DAYS * 86_400_000),
  });
  return { token, link };
};

export const changePerson = async (
  ctx: AppContext,
  actor: Agent,
  id: string,
  change: { role?: AgentRole; teamKeys?: readonly string[]; capacity?: number },
): Promise<Agent> => {
  requireAdmin(actor);
  await personIn(ctx, id);
  if (id === actor.id && change.role !== undefined && change.role !== 'admin') {
    throw new DomainError('forbidden', 'You cannot take your own admin role away; ask another admin.');
  }
  if (change.teamKeys) await teamKeysKnown(ctx, change.teamKeys);
  const updated = await ctx.store.agents.update(id, change);
  if (!updated) throw new DomainError('not_found', `No person ${id} in this workspace.`);
  return updated;
};

export const deactivatePerson = async (ctx: AppContext, actor: Agent, id: string): Promise<Agent> => {
  requireAdmin(actor);
  await personIn(ctx, id);
  if (id === actor.id)
    throw new DomainError('forbidden', 'You cannot deactivate yourself; ask another admin.');
  const closed = await ctx.store.agents.deactivate(id, ctx.now());
  if (!closed) throw new DomainError('not_found', `No person ${id} in this workspace.`);
  return closed;
};

export const passwordResetLink = async (
  ctx: AppContext,
  actor: Agent,
  id: string,
): Promise<{ token: string; link: PeopleLink }> => {
  requireAdmin(actor);
  const person = await personIn(ctx, id);
  if (!person.active) throw new DomainError('invalid_input', `${person.name} is deactivated.`);
  const token = randomBytes(24).toString('base64url');
  const link = await ctx.store.peopleLinks.create({
    tokenHash: hashLinkToken(token),
    workspaceId: ctx.workspace.id,
    kind: 'password_reset',
    email: person.email,
    name: person.name,
    role: person.role,
    teamKeys: person.teamKeys,
    capacity: person.capacity,
    agentId: person.id,
    createdBy: actor.id,
    expiresAt: new Date(ctx.now().getTime() + RESET_HOURS * 3_600_000),
  });
  return { token, link };
};

/** What an unused link is for, to greet its opener; refused when used, expired or unknown. */
export const openLink = async (ctx: AppContext, token: string): Promise<PeopleLink> => {
  const link = await ctx.store.peopleLinks.get(hashLinkToken(token));
  if (!link || link.workspaceId !== ctx.workspace.id) {
    throw new DomainError('token_invalid', 'This link is not valid. Ask your admin for a new one.');
  }
  if (link.usedAt !== null)
    throw new DomainError('token_invalid', 'This link was used already. Sign in instead.');
  if (link.expiresAt.getTime() <= ctx.now().getTime()) {
    throw new DomainError('token_expired', 'This link has expired. Ask your admin for a new one.');
  }
  return link;
};

/** Accepts an invitation (creates the account) or a reset (sets the password, ending every session). */
export const acceptLink = async (
  ctx: AppContext,
  token: string,
  password: string,
  name: string | undefined,
): Promise<Agent> => {
  await openLink(ctx, token);
  const passwordHash = await hashPassword(password);
  return ctx.store.transaction(async (tx) => {
    const link = await tx.peopleLinks.use(hashLinkToken(token), ctx.now());
    if (!link) throw new DomainError('token_invalid', 'This link was used already. Sign in instead.');
    if (link.kind === 'password_reset' && link.agentId) {
      await tx.agents.setPasswordHash(link.agentId, passwordHash, null);
      const person = await tx.agents.getById(link.agentId);
      if (!person) throw new DomainError('not_found', 'That account no longer exists. Ask your admin.');
      return person;
    }
    return tx.agents.create({
      workspaceId: link.workspaceId,
      email: link.email,
      name: name ?? link.name,
      role: link.role,
      passwordHash,
      teamKeys: link.teamKeys,
      capacity: link.capacity,
    });
  });
};

/** Changes the signed-in person's password; their other sessions end, this one stays. */
export const changeOwnPassword = async (
  ctx: AppContext,
  agent: Agent,
  currentSession: string | null,
  passwords: { current: string; next: string },
): Promise<void> => {
  if (!(await verifyPassword(passwords.current, agent.passwordHash))) {
    throw new DomainError('invalid_credentials', 'Your current password is not right. Try again.');
  }
  await ctx.store.agents.setPasswordHash(agent.id, await hashPassword(passwords.next), currentSession);
};

export const ownSessions = (ctx: AppContext, agent: Agent): Promise<AgentSession[]> =>
  ctx.store.sessions.listByAgent(agent.id, ctx.now());
