import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { eventually, request } from '../../../test/support/http.ts';
import { startTestBaton, TEST_SECRET, type TestBaton } from '../../../test/support/test-baton.ts';
import { policyProblemSchema, templateProblemSchema } from '../../api/ops-schemas.ts';
import type { ConversationEvent } from '../../core/model.ts';
import { signCustomerIdentity } from '../auth/customer-identity.ts';

let baton: TestBaton;
let admin: string;
let agent: string;

const signIn = async (email: string, password: string) => {
  const res = await request(baton.url, 'POST', '/api/auth/sign-in', { body: { email, password } });
  expect(res.status).toBe(200);
  return String(res.body.token);
};

beforeAll(async () => {
  baton = await startTestBaton();
  admin = await signIn('sam@acme.test', 'sam-demo-pass');
  agent = await signIn('maya@acme.test', 'maya-demo-pass');
});
afterAll(async () => baton?.close());

const currentPolicy = async () => {
  const res = await request(baton.url, 'GET', '/api/ops/policy', { token: admin });
  expect(res.status).toBe(200);
  return res.body as { version: number; label: string; yaml: string; author: string; note: string };
};

/** A customer message run through the live AI; resolves with the conversation's events once the turn is over. */
const customerSays = async (text: string, identity?: string) => {
  const body = identity
    ? { externalId: identity, identitySignature: signCustomerIdentity(TEST_SECRET, identity) }
    : { name: 'Visitor' };
  const started = await request(baton.url, 'POST', '/api/widget/conversations', { body });
  expect(started.status).toBe(201);
  const id = (started.body.conversation as { id: string }).id;
  await request(baton.url, 'POST', `/api/widget/conversations/${id}/messages`, {
    token: String(started.body.token),
    body: { text },
  });
  // The turn is over once the handover is recorded or the AI's answer is stored.
  const events = await eventually(async () => {
    const list = await baton.store.events.list(id);
    const answered = (await baton.store.messages.list(id)).some(
      (m) => m.author === 'ai' && m.kind === 'message',
    );
    return list.some((e) => e.type === 'handed_over') || answered ? list : null;
  });
  const messages = await baton.store.messages.list(id);
  return { id, events, handoff: messages.find((m) => m.kind === 'handoff')?.body ?? null };
};

/** The error's `details`, checked against the shape the API documents. */
const detailsOf = <T extends z.ZodType>(res: { body: { error?: unknown } }, item: T): z.infer<T>[] =>
  z
    .array(item)
    .parse(
      typeof res.body.error === 'object' && res.body.error !== null
        ? Reflect.get(res.body.error, 'details')
        : undefined,
    );

const decisionOf = (events: readonly ConversationEvent[]) => {
  const data = events.find((e) => e.type === 'decision_made')?.data ?? {};
  const trace = data.trace as { policyVersion?: number; policyLabel?: string } | undefined;
  const handedOver = events.find((e) => e.type === 'handed_over')?.data.reasons as
    | { code: string }[]
    | undefined;
  return {
    policyVersion: trace?.policyVersion,
    policyLabel: trace?.policyLabel,
    reasons: (handedOver ?? []).map((r) => r.code),
  };
};

describe('escalation policy editing', () => {
  it('lets any signed-in agent read the policy and its history, but not change it', async () => {
    const read = await request(baton.url, 'GET', '/api/ops/policy', { token: agent });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ version: 1, canChange: false, author: 'system' });
    expect(String(read.body.yaml)).toContain('member_charge_question');
    const history = await request(baton.url, 'GET', '/api/ops/policy/versions', { token: agent });
    expect((history.body.versions as { version: number }[]).map((v) => v.version)).toEqual([1]);

    const before = await currentPolicy();
    const change = await request(baton.url, 'PUT', '/api/ops/policy', {
      token: agent,
      body: { yaml: before.yaml, note: 'trying' },
    });
    expect(change.status).toBe(403);
    expect(change.body.error?.code).toBe('forbidden');
    expect((await currentPolicy()).version).toBe(before.version);
    expect((await request(baton.url, 'GET', '/api/ops/policy')).status).toBe(401);
  });

  it('refuses an edit made from a version someone has published over since, and keeps theirs', async () => {
    const seen = await currentPolicy();
    const first = await request(baton.url, 'PUT', '/api/ops/policy', {
      token: admin,
      body: { yaml: seen.yaml, note: 'first editor', basedOnVersion: seen.version },
    });
    expect(first.status).toBe(200);
    const second = await request(baton.url, 'PUT', '/api/ops/policy', {
      token: admin,
      body: { yaml: seen.yaml, note: 'second editor, same screen', basedOnVersion: seen.version },
    });
    expect(second.status).toBe(409);
    expect(second.body.error?.code).toBe('conflict');
    expect(second.body.error?.message).toMatch(/reload/);
    expect(await currentPolicy()).toMatchObject({ version: seen.version + 1, note: 'first editor' });
    const malformed = await request(baton.url, 'PUT', '/api/ops/policy', {
      token: admin,
      body: { yaml: seen.yaml, note: 'x', basedOnVersion: -1 },
    });
    expect(malformed.status).toBe(400);
  });

  it('refuses an invalid policy naming every problem’s path, and stores nothing', async () => {
    const before = await currentPolicy();
    const document = parse(before.yaml);
    document.categories.refund.threshold = 1.5;
    document.rules.push({ id: 'ops_rule', when: {}, team: 'no_such_team' });
    const res = await request(baton.url, 'PUT', '/api/ops/policy', {
      token: admin,
      body: { yaml: stringify(document), note: 'stricter refunds' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error?.code).toBe('policy_invalid');
    const paths = detailsOf(res, policyProblemSchema).map((p) => p.path);
    expect(paths).toContain('categories.refund.threshold');
    expect(paths.some((path) => path.startsWith('rules[1]'))).toBe(true);

    const broken = await request(baton.url, 'PUT', '/api/ops/policy', {
      token: admin,
      body: { yaml: 'categories: [unclosed', note: 'oops' },
    });
    expect(broken.status).toBe(422);
    expect(detailsOf(broken, policyProblemSchema)[0]?.path).toBe('(document)');

    const check = await request(baton.url, 'POST', '/api/ops/policy/check', {
      token: admin,
      body: { yaml: stringify(document) },
    });
    expect(check.body.ok).toBe(false);
    expect((await currentPolicy()).version).toBe(before.version);
  });

  it('requires a note saying why', async () => {
    const before = await currentPolicy();
    const res = await request(baton.url, 'PUT', '/api/ops/policy', {
      token: admin,
      body: { yaml: before.yaml, note: '  ' },
    });
    expect(res.status).toBe(400);
    expect((await currentPolicy()).version).toBe(before.version);
  });

  it('publishes version N+1 with author and note, and the next customer message is decided under it', async () => {
    const question = 'How long does delivery to Scotland take?';
    const before = await currentPolicy();
    const earlier = decisionOf((await customerSays(question)).events);
    expect(earlier).toMatchObject({ policyVersion: before.version, policyLabel: before.label });
    expect(earlier.reasons).not.toContain('agent_requested_by_rule');

    const document = parse(before.yaml);
    document.version = 'acme-ops-2';
    document.rules.push({
      id: 'scotland_deliveries',
      description: 'Scottish deliveries go through a partner courier; a person checks them',
      when: { anyWords: ['scotland'] },
      team: 'orders',
    });
    const res = await request(baton.url, 'PUT', '/api/ops/policy', {
      token: admin,
      body: { yaml: stringify(document), note: 'Scottish courier changed; route to a person' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      version: before.version + 1,
      label: 'acme-ops-2',
      authorName: 'Sam Rivera',
      note: 'Scottish courier changed; route to a person',
      canChange: true,
    });
    const history = await request(baton.url, 'GET', '/api/ops/policy/versions', { token: admin });
    const latest = (history.body.versions as Record<string, unknown>[])[0];
    expect(latest).toMatchObject({
      version: before.version + 1,
      authorName: 'Sam Rivera',
      note: 'Scottish courier changed; route to a person',
    });

    const later = decisionOf((await customerSays(question)).events);
    expect(later).toMatchObject({ policyVersion: before.version + 1, policyLabel: 'acme-ops-2' });
    expect(later.reasons).toContain('agent_requested_by_rule');
  });
});

describe('policy versions: show, diff and roll back', () => {
  /** Publishes the current policy plus a rule that hands `word` to a person. */
  const publishWithRule = async (label: string, word: string) => {
    const document = parse((await currentPolicy()).yaml);
    document.version = label;
    document.rules.push({
      id: `${word}_by_hand`,
      description: `${word} is done by hand; a person confirms it`,
      when: { anyWords: [word] },
      team: 'orders',
    });
    const res = await request(baton.url, 'PUT', '/api/ops/policy', {
      token: admin,
      body: { yaml: stringify(document), note: `${word} by hand` },
    });
    expect(res.status).toBe(200);
    return res.body as { version: number };
  };

  it('shows any published version and says which one is current', async () => {
    const first = await request(baton.url, 'GET', '/api/ops/policy/versions/1', { token: agent });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 1, author: 'system', restoredFrom: null });
    expect(String(first.body.yaml)).toContain('categories:');
    const { version } = await currentPolicy();
    const latest = await request(baton.url, 'GET', `/api/ops/policy/versions/${version}`, { token: agent });
    expect(latest.body).toMatchObject({ version, current: true });
    expect(first.body.current).toBe(version === 1);

    const missing = await request(baton.url, 'GET', '/api/ops/policy/versions/999', { token: agent });
    expect(missing.status).toBe(404);
    expect(missing.body.error?.code).toBe('not_found');
    const bad = await request(baton.url, 'GET', '/api/ops/policy/versions/first', { token: agent });
    expect(bad.status).toBe(400);
  });

  it('diffs two versions line by line, and finds nothing between a version and itself', async () => {
    const before = await currentPolicy();
    const after = await publishWithRule('acme-diff', 'giftwrap');
    const res = await request(
      baton.url,
      'GET',
      `/api/ops/policy/diff?from=${before.version}&to=${after.version}`,
      { token: agent },
    );
    expect(res.status).toBe(200);
    const lines = (res.body.hunks as { lines: { kind: string; text: string }[] }[]).flatMap((h) => h.lines);
    expect(lines.filter((l) => l.kind === 'added').map((l) => l.text)).toEqual(
      expect.arrayContaining(['version: acme-diff', expect.stringContaining('giftwrap')]),
    );
    expect(lines.find((l) => l.kind === 'removed')?.text).toBe(`version: ${before.label}`);
    const same = await request(baton.url, 'GET', `/api/ops/policy/diff?from=1&to=1`, { token: agent });
    expect(same.body).toMatchObject({ identical: true, hunks: [] });
    const unknown = await request(baton.url, 'GET', '/api/ops/policy/diff?from=1&to=999', { token: agent });
    expect(unknown.status).toBe(404);
  });

  it('rolls back by publishing an earlier version again, with who and why, and decides under it', async () => {
    const target = await currentPolicy();
    const changed = await publishWithRule('acme-rollback', 'engraving');
    const gift = 'Can you add engraving to my order please?';
    expect(decisionOf((await customerSays(gift)).events).reasons).toContain('agent_requested_by_rule');

    const forbidden = await request(baton.url, 'POST', '/api/ops/policy/rollback', {
      token: agent,
      body: { version: target.version, note: 'undo' },
    });
    expect(forbidden.status).toBe(403);
    const noWhy = await request(baton.url, 'POST', '/api/ops/policy/rollback', {
      token: admin,
      body: { version: target.version, note: ' ' },
    });
    expect(noWhy.status).toBe(400);
    const toCurrent = await request(baton.url, 'POST', '/api/ops/policy/rollback', {
      token: admin,
      body: { version: changed.version, note: 'undo' },
    });
    expect(toCurrent.status).toBe(400);
    expect((await currentPolicy()).version).toBe(changed.version);

    const res = await request(baton.url, 'POST', '/api/ops/policy/rollback', {
      token: admin,
      body: { version: target.version, note: 'engraving rule sent too much to people' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      version: changed.version + 1,
      label: target.label,
      restoredFrom: target.version,
      authorName: 'Sam Rivera',
      note: 'engraving rule sent too much to people',
      current: true,
    });
    const history = await request(baton.url, 'GET', '/api/ops/policy/versions', { token: agent });
    expect((history.body.versions as Record<string, unknown>[])[0]).toMatchObject({
      version: changed.version + 1,
      restoredFrom: target.version,
      note: 'engraving rule sent too much to people',
    });
    const diff = await request(
      baton.url,
      'GET',
      `/api/ops/policy/diff?from=${target.version}&to=${changed.version + 1}`,
      { token: agent },
    );
    expect(diff.body.identical).toBe(true);

    const after = decisionOf((await customerSays(gift)).events);
    expect(after.policyVersion).toBe(changed.version + 1);
    expect(after.reasons).not.toContain('agent_requested_by_rule');
  });
});

describe('handoff templates', () => {
  const humanRequest = 'can I talk to a human please';

  it('refuses a template set missing the expectations part, naming it, and keeps the saved version', async () => {
    const before = await request(baton.url, 'GET', '/api/ops/handoff-templates', { token: admin });
    expect(before.body.override).toBeNull();
    const res = await request(baton.url, 'PUT', '/api/ops/handoff-templates', {
      token: admin,
      body: {
        override: { message: 'You asked: “{question}”\n\n{lookups} {articles} {reasons}' },
        note: 'shorter',
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.error?.code).toBe('templates_invalid');
    expect(res.body.error?.message).toContain('expectations');
    const problems = detailsOf(res, templateProblemSchema);
    expect(problems.find((p) => p.where === 'message')?.missing).toEqual(['expectations']);
    const after = await request(baton.url, 'GET', '/api/ops/handoff-templates', { token: admin });
    expect(after.body.version).toBe(before.body.version);
  });

  it('lets only ops and admins save', async () => {
    const res = await request(baton.url, 'PUT', '/api/ops/handoff-templates', {
      token: agent,
      body: { override: {}, note: 'nothing' },
    });
    expect(res.status).toBe(403);
  });

  it('uses a saved override in the next handoff message', async () => {
    const sentence = 'You asked to talk to a person, so one of our named colleagues will take it from here.';
    const before = await customerSays(humanRequest);
    expect(before.handoff).not.toContain(sentence);

    const res = await request(baton.url, 'PUT', '/api/ops/handoff-templates', {
      token: admin,
      body: { override: { reasons: { human_requested: sentence } }, note: 'warmer wording' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 1, override: { reasons: { human_requested: sentence } } });
    expect((res.body.history as { authorName: string; note: string }[])[0]).toMatchObject({
      authorName: 'Sam Rivera',
      note: 'warmer wording',
    });

    const after = await customerSays(humanRequest);
    expect(after.handoff).toContain(sentence);
  });

  it('refuses a wording save made from a version someone has saved over since', async () => {
    const seen = await request(baton.url, 'GET', '/api/ops/handoff-templates', { token: admin });
    const version = Number(seen.body.version);
    const save = (note: string) =>
      request(baton.url, 'PUT', '/api/ops/handoff-templates', {
        token: admin,
        body: { override: {}, note, basedOnVersion: version },
      });
    expect((await save('first editor')).status).toBe(200);
    const second = await save('second editor, same screen');
    expect([second.status, second.body.error?.code]).toEqual([409, 'conflict']);
    const after = await request(baton.url, 'GET', '/api/ops/handoff-templates', { token: admin });
    expect(after.body.version).toBe(version + 1);
  });
});

describe('integration health', () => {
  it('counts the lookups made for a handed-over identified customer', async () => {
    const before = await request(baton.url, 'GET', '/api/ops/integrations', { token: agent });
    const callsOf = (body: Record<string, unknown>, name: string) =>
      (body.integrations as { name: string; calls: number }[]).find((i) => i.name === name)?.calls ?? 0;

    const ana = await customerSays("Why is this month's charge different from last month's?", 'cus_ana');
    expect(ana.handoff).not.toBeNull();
    const lookups = ana.events.filter((e) => e.type === 'lookup_completed').map((e) => String(e.data.name));
    expect(lookups.length).toBeGreaterThan(0);

    const res = await request(baton.url, 'GET', '/api/ops/integrations', { token: agent });
    expect(res.status).toBe(200);
    expect(res.body.windowMinutes).toBe(60);
    for (const name of new Set(lookups)) {
      expect(callsOf(res.body, name)).toBe(
        callsOf(before.body, name) + lookups.filter((n) => n === name).length,
      );
      const health = (res.body.integrations as Record<string, unknown>[]).find((i) => i.name === name);
      expect(health).toMatchObject({ failures: 0, timeouts: 0, errorRate: 0, lastError: null });
      expect(health?.latencyP50Ms).toEqual(expect.any(Number));
      expect(health?.latencyP95Ms).toEqual(expect.any(Number));
    }
  });
});

describe('the API document', () => {
  it('lists every ops endpoint with the schemas that validate it', async () => {
    const res = await request(baton.url, 'GET', '/openapi.json');
    expect(res.status).toBe(200);
    const paths = res.body.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/api/ops/policy'] ?? {}).sort()).toEqual(['get', 'put']);
    expect(Object.keys(paths['/api/ops/policy/versions/{version}'] ?? {})).toEqual(['get']);
    expect(Object.keys(paths['/api/ops/policy/diff'] ?? {})).toEqual(['get']);
    expect(Object.keys(paths['/api/ops/policy/rollback'] ?? {})).toEqual(['post']);
    expect(Object.keys(paths['/api/ops/handoff-templates'] ?? {}).sort()).toEqual(['get', 'put']);
    for (const path of ['/api/ops/policy/versions', '/api/ops/integrations'])
      expect(paths[path]?.get).toBeDefined();
    for (const path of ['/api/ops/policy/check', '/api/ops/handoff-templates/check'])
      expect(paths[path]?.post).toBeDefined();
  });
});
