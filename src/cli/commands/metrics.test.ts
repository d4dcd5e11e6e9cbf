import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../adapters/store/open-store.ts';
import { workspaceMetrics } from '../../app/metrics-report.ts';
import type { Store } from '../../core/ports/store.ts';
import { runMetrics } from './metrics.ts';

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

const now = new Date(Date.UTC(2026, 2, 20, 12));
const at = (day: number) => new Date(Date.UTC(2026, 2, day, 9));
let store: Store;
let workspaceId: string;

/** A customer's question on `day`, answered by the AI, in `category`; resolved by the AI when `resolved`. */
const conversation = async (day: number, category: string, resolved: boolean) => {
  const customer = await store.customers.create({ workspaceId, name: 'Dana' });
  const started = await store.conversations.create(
    { workspaceId, customerId: customer.id },
    {
      type: 'conversation_started',
      actor: { kind: 'customer', id: customer.id },
      data: { channel: 'widget' },
      at: at(day),
    },
  );
  await store.messages.append(
    {
      conversationId: started.id,
      author: 'customer',
      authorId: customer.id,
      body: 'A question',
      createdAt: at(day),
    },
    { kind: 'customer', id: customer.id },
  );
  await store.messages.append(
    { conversationId: started.id, author: 'ai', body: 'An answer', createdAt: at(day) },
    { kind: 'ai' },
  );
  await store.events.append(started.id, {
    type: 'categorised',
    actor: { kind: 'ai' },
    data: { category },
    at: at(day),
  });
  if (resolved) {
    await store.conversations.applyChange(
      started.id,
      'ai',
      { state: 'resolved', resolution: 'ai' },
      {
        type: 'resolved',
        actor: { kind: 'system' },
        data: { by: 'ai_assumed', resolution: 'ai', teamKey: null },
        at: at(day + 1),
      },
    );
  }
};

beforeAll(async () => {
  store = await openStore({ memory: true });
  workspaceId = (await store.workspaces.create({ slug: 'acme', name: 'Acme' })).id;
  await conversation(2, 'shipping', true);
  await conversation(3, 'shipping', false);
  await conversation(10, 'billing', true);
});
afterAll(async () => store?.close());

const run = async (options: Record<string, unknown>, format: 'table' | 'json' | 'csv' = 'json') => {
  const stdout = collector();
  const stderr = collector();
  const code = await runMetrics({
    store,
    workspaceSlug: 'acme',
    options,
    format,
    now,
    stdout: stdout.stream,
    stderr: stderr.stream,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
};

describe('baton metrics', () => {
  it('prints the report of GET /api/metrics as JSON for the window and filters', async () => {
    const all = await run({});
    expect(all.code).toBe(0);
    const printed = JSON.parse(all.stdout);
    const { query, ...report } = printed;
    expect(report).toEqual(
      await workspaceMetrics(store, workspaceId, { from: new Date(query.from), to: new Date(query.to) }, now),
    );
    expect(report).toMatchObject({ conversations: 3, aiResolutionRate: 2 / 3 });
    expect(query).toMatchObject({ to: now.toISOString(), asOf: now.toISOString() });

    const shipping = JSON.parse(
      (await run({ category: 'shipping', from: '2026-03-01', to: '2026-03-05' })).stdout,
    );
    expect(shipping).toMatchObject({ conversations: 2, aiResolutionRate: 0.5 });
    expect(shipping.query).toMatchObject({ from: '2026-03-01T00:00:00.000Z', category: 'shipping' });
  });

  it('prints a table of every number, one per line', async () => {
    const table = await run({ from: '2026-03-09' }, 'table');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^conversations\s+1$/m);
    expect(table.stdout).toMatch(/^aiResolutionRateByCategory\.billing\s+1$/m);
    expect(table.stdout).toMatch(/^timeToFirstResponse\.p50\s+0$/m);
  });

  it('refuses dates it cannot read and an unknown workspace, saying what to pass', async () => {
    const bad = await run({ from: 'last week' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--from: .*\nDates are ISO 8601/);
    expect((await run({ from: '2026-03-05', to: '2026-03-01' })).stderr).toMatch(/from must be before to/);
    const stderr = collector();
    const code = await runMetrics({
      store,
      workspaceSlug: 'nope',
      options: {},
      format: 'json',
      now,
      stdout: collector().stream,
      stderr: stderr.stream,
    });
    expect(code).toBe(1);
    expect(stderr.text()).toMatch(/Workspace "nope" does not exist/);
  });
});

describe('baton metrics --by', () => {
  it('prints one CSV row per day of the window with the day’s numbers', async () => {
    const printed = await run({ from: '2026-03-02', to: '2026-03-05', by: 'day' }, 'csv');
    expect(printed.code).toBe(0);
    const [header, ...rows] = printed.stdout.trimEnd().split('\r\n');
    expect(header?.split(',').slice(0, 3)).toEqual(['day', 'conversations', 'involvementRate']);
    const column = header?.split(',').indexOf('aiResolutionRate') ?? -1;
    expect(rows.map((row) => row.split(',')[0])).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    expect(rows.map((row) => row.split(',')[1])).toEqual(['1', '1', '0']);
    // Day 2's conversation was resolved by the AI, day 3's was not; day 4 had nothing to count.
    expect(rows.map((row) => row.split(',')[column])).toEqual(['1', '0', '']);
  });

  it('groups by ISO week, and by category as JSON', async () => {
    const weeks = await run({ from: '2026-03-02', to: '2026-03-16', by: 'week' }, 'csv');
    const rows = weeks.stdout.trimEnd().split('\r\n').slice(1);
    expect(rows.map((row) => row.split(',').slice(0, 2).join(','))).toEqual(['2026-03-02,2', '2026-03-09,1']);
    const byCategory = JSON.parse((await run({ by: 'category' }, 'json')).stdout);
    expect(byCategory.by).toBe('category');
    expect(
      byCategory.groups.map((g: { group: string; conversations: number }) => [g.group, g.conversations]),
    ).toEqual([
      ['billing', 1],
      ['shipping', 2],
    ]);
  });

  it('refuses a grouping it does not know, saying which it knows', async () => {
    const bad = await run({ by: 'month' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--by must be one of day, week, category, team/);
  });
});
