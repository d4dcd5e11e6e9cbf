/**
 * The inbox's lists at volume: N conversations bulk-generated in SQL into a PostgreSQL server through
 * the real schema (a year of a busy desk: nearly all resolved, a few thousand open), then each view's
 * first page, its next page and its capped count as GET /api/inbox/conversations reads them, timed
 * beside a same-run COUNT(*) of the conversations table and the same first page read as one ordered
 * query over the whole filter (`conversations.list`, the shape every page had before migration 0076).
 *
 *   bash scripts/with-postgres.sh npx tsx bench/inbox/run.ts --conversations 500000 --json
 */
import { filterFor, type InboxView } from '../../src/app/inbox-views.ts';
import type { Agent } from '../../src/core/model.ts';
import { medianMs, volumeOptions, withVolumeDatabase } from '../support/volume-database.ts';
import { loadDeskYear, TEAMS } from './desk-year.ts';

const options = volumeOptions(200_000);
const CONVERSATIONS = options.conversations;
const RUNS = options.runs;

const timed = (work: () => Promise<unknown>) => medianMs(RUNS, work);

const main = () =>
  withVolumeDatabase(async ({ store, pool, workspace }) => {
    await loadDeskYear(pool, workspace.id, CONVERSATIONS);
    const admin = {
      id: '00000000-0000-4000-8000-000000000001',
      role: 'admin',
      teamKeys: TEAMS,
    } as unknown as Agent;
    const baseline = await timed(() => pool.query('SELECT count(*) FROM conversations'));
    const views: Record<string, number> = {};
    for (const view of ['queue', 'ai', 'resolved', 'all'] as InboxView[]) {
      const filter = filterFor(view, admin, TEAMS);
      // One untimed read of each first: the view's rows come into PostgreSQL's buffers for both.
      await store.conversations.page(workspace.id, filter, { limit: 200 });
      await store.conversations.list(workspace.id, { ...filter, limit: 201 });
      views[`${view}.first`] = await timed(() =>
        store.conversations.page(workspace.id, filter, { limit: 200 }),
      );
      const first = await store.conversations.page(workspace.id, filter, { limit: 200 });
      if (first.next)
        views[`${view}.next`] = await timed(() =>
          store.conversations.page(workspace.id, filter, { limit: 200, after: first.next ?? undefined }),
        );
      views[`${view}.count`] = await timed(() => store.conversations.count(workspace.id, filter, 10_000));
      // The same first page as one ordered query over the whole filter (how every list was read
      // before migration 0076): the same-run baseline of the page.
      views[`${view}.sortedWhole`] = await timed(() =>
        store.conversations.list(workspace.id, { ...filter, limit: 201 }),
      );
    }
    const result = { conversations: CONVERSATIONS, countAllMs: baseline, ...views };
    if (!options.json) for (const [k, v] of Object.entries(result)) process.stdout.write(`${k}: ${v}\n`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  });

await main();
