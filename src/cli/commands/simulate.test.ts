/**
 * `baton simulate` writes its history through the store and the live turn engine: every generated
 * conversation is counted by the §9 report, and none is left open in a queue or with the AI (the
 * demo's inbox starts clean). On every database this run has (PGlite; PostgreSQL with
 * scripts/with-postgres.sh), since `baton simulate` writes to the configured one.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableTestStoreKinds, openTestStore } from '../../adapters/store/testing.ts';
import { workspaceMetrics } from '../../app/metrics-report.ts';
import type { Store } from '../../core/ports/store.ts';
import { historyStart, simulateHistory } from '../../core/simulation/simulate-history.ts';
import { runSimulate } from './simulate.ts';

const now = new Date(Date.UTC(2026, 2, 20, 12));
const request = { days: 2, perDay: 6, seed: 3 };
const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });

describe.each(availableTestStoreKinds())('runSimulate (%s)', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(kind);
  });
  afterAll(async () => store?.close());

  it('stores every simulated conversation, resolved, in the days before now', async () => {
    const expected = simulateHistory({ start: historyStart(now, request.days), ...request });
    expect(await runSimulate({ store, ...request, now, stderr: quiet })).toBe(expected.length);
    const workspace = await store.workspaces.getBySlug('acme');
    if (!workspace) throw new Error('the demo workspace was not created');
    const report = await workspaceMetrics(store, workspace.id, {}, now);
    expect(report.conversations).toBe(expected.length);
    expect(report.combined24hResolutionRate).toBe(1);
    const open = await store.conversations.list(workspace.id, { states: ['ai', 'queued', 'assigned'] });
    expect(open).toEqual([]);
    // The AI's answers keep the articles they quote, as live answers do.
    const resolved = await store.conversations.list(workspace.id, { states: ['resolved'] });
    const answers = (await Promise.all(resolved.map((c) => store.messages.list(c.id))))
      .flat()
      .filter((message) => message.author === 'ai' && message.kind === 'message');
    const cited = answers.filter((message) => message.citations.length > 0);
    expect(cited.length).toBeGreaterThan(answers.length / 2);
    const slugs = new Set((await store.articles.list(workspace.id)).map((article) => article.slug));
    for (const message of cited)
      for (const citation of message.citations) expect(slugs).toContain(citation.slug);
    // A reviewer's label in the history is stored as one given on the review screen is: the
    // calibration, the threshold suggestions and the weekly report read these.
    const labels = await store.reviews.listLabels(workspace.id);
    const reviewed = expected.filter((conversation) => conversation.review !== undefined);
    expect(reviewed.length).toBeGreaterThan(0);
    expect(labels.map((label) => label.label).sort()).toEqual(
      reviewed.map((conversation) => conversation.review?.label).sort(),
    );
    for (const label of labels) {
      const events = await store.events.list(label.conversationId);
      expect(events.filter((event) => event.type === 'reviewed').map((event) => event.data.label)).toEqual([
        label.label,
      ]);
    }
  });
});
