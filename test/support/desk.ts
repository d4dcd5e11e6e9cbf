/**
 * Helpers for browser tests of the desk: customers who reach a person through the real API, agents
 * signed in over HTTP or through the page, and axe-core run inside the page.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { z } from 'zod';
import { hashPassword } from '../../src/adapters/crypto/password.ts';
import { handedOverEvent } from '../../src/adapters/store/contract/example-events.ts';
import type { AgentRole } from '../../src/core/model.ts';
import { signCustomerIdentity } from '../../src/server/auth/customer-identity.ts';
import { eventually, request } from './http.ts';
import { TEST_SECRET, type TestBaton } from './test-baton.ts';

export interface CustomerChat {
  readonly id: string;
  readonly token: string;
}

/** A customer opens a conversation (identified when `externalId` is given) and writes `text`. */
export const customerWrites = async (
  baton: TestBaton,
  text: string,
  options: { readonly externalId?: string; readonly chat?: CustomerChat } = {},
): Promise<CustomerChat> => {
  let chat = options.chat;
  if (!chat) {
    const body = options.externalId
      ? {
          externalId: options.externalId,
          identitySignature: signCustomerIdentity(TEST_SECRET, options.externalId),
        }
      : {};
    const started = await request(baton.url, 'POST', '/api/widget/conversations', { body });
    chat = { id: (started.body.conversation as { id: string }).id, token: String(started.body.token) };
  }
  const sent = await request(baton.url, 'POST', `/api/widget/conversations/${chat.id}/messages`, {
    token: chat.token,
    body: { text },
  });
  if (sent.status !== 201 && sent.status !== 200) throw new Error(`send failed: ${sent.status}`);
  return chat;
};

/** Waits until the AI has handed the conversation to a team (queued or already assigned). */
export const handedOver = (baton: TestBaton, chat: CustomerChat) =>
  eventually(async () => {
    const view = await request(baton.url, 'GET', `/api/widget/conversations/${chat.id}`, {
      token: chat.token,
    });
    return view.body.state === 'queued' || view.body.state === 'assigned' ? view.body : null;
  }, 30_000);

export const demoAgent = (baton: TestBaton, email: string) => {
  const agent = baton.agents.find((a) => a.email === email);
  if (!agent) throw new Error(`the demo has no ${email}`);
  return agent;
};

export interface StaffMember {
  readonly id: string;
  readonly email: string;
  readonly password: string;
}

/**
 * Adds a person of any role to the demo workspace (the demo has an agent, a specialist and an
 * admin; qa and ops people are made per test), away so automatic assignment passes them by.
 */
export const addStaff = async (
  baton: TestBaton,
  person: { readonly email: string; readonly role: AgentRole; readonly teamKeys: readonly string[] },
): Promise<StaffMember> => {
  const workspace = await baton.store.workspaces.getBySlug('acme');
  if (!workspace) throw new Error('the demo seed did not create the acme workspace');
  const password = `${person.role}-test-pass-${person.email}`;
  const created = await baton.store.agents.create({
    workspaceId: workspace.id,
    email: person.email,
    name: person.email.split('@')[0] ?? person.email,
    role: person.role,
    passwordHash: await hashPassword(password),
    teamKeys: [...person.teamKeys],
    capacity: 2,
  });
  return { id: created.id, email: person.email, password };
};

/**
 * A busy morning in the store directly (no AI turns, so hundreds take seconds): `count` customers
 * who each wrote once and wait in the team's queue, handed over a second apart from `from`, with
 * priorities 0, 1 and 2 in turn. Returns the team's key (the demo's first team unless named).
 */
export const queueWaiting = async (
  baton: TestBaton,
  count: number,
  options: { readonly teamKey?: string; readonly from?: Date } = {},
): Promise<string> => {
  const workspace = await baton.store.workspaces.getBySlug('acme');
  if (!workspace) throw new Error('the demo seed did not create the acme workspace');
  const teamKey = options.teamKey ?? (await baton.store.teams.list(workspace.id))[0]?.key;
  if (!teamKey) throw new Error('the demo has no team');
  const from = (options.from ?? new Date(Date.UTC(2026, 10, 2, 8))).getTime();
  for (let i = 0; i < count; i += 1) {
    const customer = await baton.store.customers.create({ workspaceId: workspace.id, name: `Waiting ${i}` });
    const at = new Date(from + i * 1000);
    const conversation = await baton.store.conversations.create(
      { workspaceId: workspace.id, customerId: customer.id },
      {
        type: 'conversation_started',
        actor: { kind: 'customer', id: customer.id },
        data: { channel: 'widget' },
        at,
      },
    );
    await baton.store.messages.append(
      { conversationId: conversation.id, author: 'customer', body: `Question number ${i}` },
      { kind: 'customer', id: customer.id },
    );
    await baton.store.conversations.applyChange(
      conversation.id,
      'ai',
      { state: 'queued', teamKey, priority: i % 3 },
      handedOverEvent(teamKey, at),
    );
  }
  return teamKey;
};

/**
 * The customer went quiet after the AI's answer: the conversation is resolved by the AI as the
 * assumed-resolution sweep would, straight in the store. Returns the resolved conversation's state.
 */
export const resolvedByAi = async (baton: TestBaton, conversationId: string): Promise<string | undefined> => {
  const resolved = await baton.store.conversations.applyChange(
    conversationId,
    'ai',
    { state: 'resolved', resolution: 'ai' },
    {
      type: 'resolved',
      actor: { kind: 'system' },
      data: { by: 'ai_assumed', resolution: 'ai', teamKey: null },
    },
  );
  return resolved?.state;
};

/** Signs a person in over HTTP with their password; returns the session token. */
export const signInAs = async (baton: TestBaton, email: string, password: string): Promise<string> => {
  const signedIn = await request(baton.url, 'POST', '/api/auth/sign-in', { body: { email, password } });
  if (signedIn.status !== 200) throw new Error(`sign-in of ${email} failed: ${signedIn.status}`);
  return String(signedIn.body.token);
};

/** Signs an agent in over HTTP; returns the session token for API calls. */
export const agentToken = async (baton: TestBaton, email: string): Promise<string> => {
  const { password } = demoAgent(baton, email);
  const signedIn = await request(baton.url, 'POST', '/api/auth/sign-in', { body: { email, password } });
  return String(signedIn.body.token);
};

export const agentApi = (baton: TestBaton, token: string, method: string, path: string, body?: unknown) =>
  request(baton.url, method, path, {
    cookie: `baton_session=${token}`,
    ...(body === undefined ? {} : { body }),
  });

/** The id of the conversation the chat page in `page` holds (its stored session). */
export const chatConversationIdOf = async (page: Page): Promise<string> => {
  const stored = await page.evaluate(() => localStorage.getItem('baton.chat'));
  const session: unknown = JSON.parse(stored ?? 'null');
  if (typeof session !== 'object' || session === null || !('conversationId' in session)) {
    throw new Error('no chat session stored');
  }
  return String(session.conversationId);
};

/** Signs in through the agent page and waits for the inbox. */
export const signInOnPage = async (page: Page, baton: TestBaton, email: string): Promise<void> =>
  signInWithPassword(page, { email, password: demoAgent(baton, email).password });

/** Signs a person in through the page's sign-in form (on whatever page shows it). */
export const signInWithPassword = async (
  page: Page,
  person: { readonly email: string; readonly password: string },
): Promise<void> => {
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
};

/** Opens the inbox as a person made by `addStaff` and waits for its list. */
export const openInboxAs = async (page: Page, baton: TestBaton, person: StaffMember): Promise<void> => {
  await page.goto(`${baton.url}/agent`);
  await signInWithPassword(page, person);
  await page.locator('#list-title').waitFor();
};

const axeSource: string = (() => {
  const require = createRequire(import.meta.url);
  const axe: { source: string } = require('axe-core');
  return axe.source;
})();

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly string[];
}

const axeViolationsSchema = z.array(
  z.object({
    id: z.string(),
    impact: z.string().nullable(),
    help: z.string(),
    nodes: z.array(z.object({ target: z.array(z.unknown()) })),
  }),
);

/** Every axe-core violation in the page (all its default rules). */
export const axeViolations = async (page: Page): Promise<AxeViolation[]> => {
  // Evaluated through the DevTools protocol rather than added as a <script>: Baton's
  // Content-Security-Policy (rightly) refuses inline scripts.
  await page.evaluate(axeSource);
  const raw: unknown = await page.evaluate(
    "axe.run(document, { resultTypes: ['violations'] }).then((result) => result.violations)",
  );
  return axeViolationsSchema.parse(raw).map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => JSON.stringify(n.target)),
  }));
};

/**
 * The violations a page must not have: every serious or critical one, and — though axe rates them
 * moderate — a page without one main landmark or an h1, or content outside any landmark.
 */
const structureRules = new Set(['landmark-one-main', 'page-has-heading-one', 'region']);
export const seriousAxeViolations = async (page: Page): Promise<AxeViolation[]> =>
  (await axeViolations(page)).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical' || structureRules.has(v.id),
  );

/** Whether the page scrolls sideways (something wider than the viewport). */
export const overflowsSideways = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

export const phone = { width: 390, height: 844 } as const;
export const desk = { width: 1440, height: 900 } as const;
