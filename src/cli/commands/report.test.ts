import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../adapters/store/open-store.ts';
import { isoWeekOf } from '../../core/coaching/iso-week.ts';
import type { Store } from '../../core/ports/store.ts';
import { defaultPolicy } from '../../core/triage/index.ts';
import { runReport } from './report.ts';

const collector = () => {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
};

// Labels and policy versions are stamped with a fixed Wednesday noon and the report is asked on
// it, so a run that crosses Monday 00:00 UTC cannot split them across two weeks.
const now = new Date('2026-11-18T12:00:00Z');
const week = isoWeekOf(now);
let store: Store;

beforeAll(async () => {
  store = await openStore({ memory: true });
  const workspace = await store.workspaces.create({ slug: 'acme', name: 'Acme' });
  const quinn = await store.agents.create({
    workspaceId: workspace.id,
    email: 'quinn@acme.test',
    name: 'Quinn',
    role: 'qa',
    passwordHash: 'not-used',
    teamKeys: [],
  });
  const customer = await store.customers.create({ workspaceId: workspace.id, name: 'Dana' });
  // Three reviewed conversations: one right, two wrong for want of an article and a loose policy.
  const labels = [
    ['correct', null],
    ['incorrect', 'missing_article'],
    ['should_have_escalated', 'policy_too_loose'],
  ] as const;
  for (const [label, rootCause] of labels) {
    const conversation = await store.conversations.create(
      { workspaceId: workspace.id, customerId: customer.id },
      {
        type: 'conversation_started',
        actor: { kind: 'customer', id: customer.id },
        data: { channel: 'widget' },
      },
    );
    await store.reviews.saveLabel({
      workspaceId: workspace.id,
      conversationId: conversation.id,
      messageId: null,
      source: 'review',
      label,
      rootCause,
      correctAnswer: null,
      notes: null,
      authorId: quinn.id,
      at: now,
    });
  }
  await store.policies.publish({
    workspaceId: workspace.id,
    document: defaultPolicy(),
    author: quinn.id,
    note: 'Refund threshold raised after review',
    at: now,
  });
});
afterAll(async () => store?.close());

const report = async (format: string, weekOption: string | undefined = week) => {
  const [out, err] = [collector(), collector()];
  const code = await runReport({
    store,
    workspaceSlug: 'acme',
    week: weekOption,
    format,
    now,
    stdout: out.stream,
    stderr: err.stream,
  });
  return { code, out: out.text(), err: err.text() };
};

describe('baton report', () => {
  it('reports what was wrong by root cause and the policy changes of the week, as JSON', async () => {
    const { code, out } = await report('json');
    expect(code).toBe(0);
    const parsed: unknown = JSON.parse(out);
    expect(parsed).toMatchObject({
      week,
      weeks: [week],
      workspaceName: 'Acme',
      sampled: { reviewed: 3 },
      wrong: {
        count: 2,
        shareOfReviewed: 2 / 3,
        byRootCause: [
          { rootCause: 'missing_article', count: 1 },
          { rootCause: 'policy_too_loose', count: 1 },
        ],
      },
      fixed: { policyVersions: [{ note: 'Refund threshold raised after review' }] },
    });
    expect(JSON.stringify(parsed)).toContain('"key":"aiResolutionRate"');
  });

  it('prints Markdown with its sections, and refuses a week or format it cannot read', async () => {
    const { code, out } = await report('md');
    expect(code).toBe(0);
    expect(out).toMatch(/^# .*\n/);
    for (const heading of [
      '## What was sampled',
      '## What was wrong',
      '## What was fixed',
      '## How the numbers moved',
    ])
      expect(out).toContain(heading);
    expect(out).toContain('Refund threshold raised after review');
    expect(await report('md', '2026-W60')).toMatchObject({ code: 2, err: /not an ISO week/ });
    expect(await report('pdf')).toMatchObject({ code: 2, err: /--format must be md, html, json/ });
  });
});

describe('baton report with the fortnightly cadence', () => {
  const slug = 'fortnightly';
  const day = 86_400_000;

  beforeAll(async () => {
    const workspace = await store.workspaces.create({ slug, name: 'Acme Fortnightly' });
    const quinn = await store.agents.create({
      workspaceId: workspace.id,
      email: 'quinn@acme.test',
      name: 'Quinn',
      role: 'qa',
      passwordHash: 'not-used',
      teamKeys: [],
    });
    const customer = await store.customers.create({ workspaceId: workspace.id, name: 'Dana' });
    // 2026-W47 (the chosen week) holds one wrong label, 2026-W46 two (one wrong), 2026-W45 one
    // wrong that a two-week report ending with W47 must leave out.
    const labels = [
      ['incorrect', 'missing_article', now],
      ['correct', null, new Date(now.getTime() - 7 * day)],
      ['should_have_escalated', 'policy_too_loose', new Date(now.getTime() - 7 * day)],
      ['incorrect', 'missing_article', new Date(now.getTime() - 14 * day)],
    ] as const;
    for (const [label, rootCause, at] of labels) {
      const conversation = await store.conversations.create(
        { workspaceId: workspace.id, customerId: customer.id },
        {
          type: 'conversation_started',
          actor: { kind: 'customer', id: customer.id },
          data: { channel: 'widget' },
        },
      );
      await store.reviews.saveLabel({
        workspaceId: workspace.id,
        conversationId: conversation.id,
        messageId: null,
        source: 'review',
        label,
        rootCause,
        correctAnswer: null,
        notes: null,
        authorId: quinn.id,
        at,
      });
    }
    await store.settings.publish({
      workspaceId: workspace.id,
      key: 'report_cadence',
      value: { cadence: 'fortnightly' },
      author: quinn.id,
      note: 'Report every two weeks',
    });
  });

  const fortnightReport = async (format: string) => {
    const [out, err] = [collector(), collector()];
    const code = await runReport({
      store,
      workspaceSlug: slug,
      week: '2026-W47',
      format,
      now,
      stdout: out.stream,
      stderr: err.stream,
    });
    return { code, out: out.text() };
  };

  it('covers the two ISO weeks ending with the chosen one and counts over both', async () => {
    const { code, out } = await fortnightReport('json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      week: '2026-W47',
      weeks: ['2026-W46', '2026-W47'],
      from: '2026-11-09',
      to: '2026-11-22',
      sampled: { reviewed: 3 },
      wrong: {
        count: 2,
        byRootCause: [
          { rootCause: 'missing_article', count: 1 },
          { rootCause: 'policy_too_loose', count: 1 },
        ],
      },
    });
    const markdown = await fortnightReport('md');
    expect(markdown.out).toMatch(/^# Fortnightly review: Weeks 2026-W46–W47 — Acme Fortnightly\n/);
    expect(markdown.out).toContain('2026-11-09 to 2026-11-22');
    expect(markdown.out).toContain('| Number | These two weeks | The two weeks before | Change |');
  });
});
