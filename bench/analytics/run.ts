/**
 * Analytics at volume (issue 13): N conversations with their counting facts and ten events each
 * bulk-generated in SQL into a PostgreSQL server through the real schema, then the analytics page's
 * full query set as it opens (the §9 report and the day series over the default 30-day window, in
 * parallel, as GET /api/metrics and /api/metrics/series run them), the report alone, over every
 * conversation and over one category, each timed against a same-run COUNT(*) of the events table
 * (the baseline) and of the facts table.
 *
 *   bash scripts/with-postgres.sh npx tsx bench/analytics/run.ts --conversations 1000000 --json
 *
 * The page's set is timed twice in the same run: first with every day still marked stale (the
 * facts rows alone), then after `refreshDays` builds the daily rollup (migration 0074).
 *
 * The facts rows are written directly (what the refresher keeps current from events), and the
 * events are loaded with triggers off (session_replication_role = replica): they are the volume a
 * real event log has, not a history the facts were derived from.
 */
import type pg from 'pg';
import type { MetricSettings } from '../../src/core/metrics/index.ts';
import {
  inChunks,
  insertCustomers,
  medianMs,
  volumeOptions,
  withVolumeDatabase,
} from '../support/volume-database.ts';

const options = volumeOptions(100_000);
const CONVERSATIONS = options.conversations;
const RUNS = options.runs;
const CHUNK = 100_000;
/** Events per conversation: started, four messages, categorised, decided, handed over or resolved… */
const EVENTS_PER_CONVERSATION = 10;
const EVENT_TYPES = [
  'conversation_started',
  'message_added',
  'categorised',
  'decision_made',
  'message_added',
  'message_added',
  'handed_over',
  'assigned',
  'message_added',
  'resolved',
];

/** One chunk of customers, conversations and their facts: 90 days of history, Acme's mix. */
const insertChunk = async (client: pg.PoolClient, workspaceId: string, first: number, last: number) => {
  await insertCustomers(client, workspaceId, first, last);
  await client.query(
    `INSERT INTO conversations (id, workspace_id, customer_id, state)
       SELECT md5('conv' || i)::uuid, $1, md5('cust' || i)::uuid, 'resolved' FROM generate_series($2::int, $3::int) i`,
    [workspaceId, first, last],
  );
  await client.query(
    `INSERT INTO conversation_facts (
       conversation_id, workspace_id, customer_id, channel, category, team_key, started_at,
       first_customer_message_at, first_response_at, ai_involved, human_involved, handed_over_at,
       handoffs, handoffs_judged, handoffs_judged_needed, verdict, resolution, resolved_by,
       resolved_at, last_resolved_at, recontacted, recontact_escalated, csat, handle_seconds,
       ai_questions, ai_questions_covered, ai_turns, ai_cost, waits_measured, wait_error_seconds)
     SELECT md5('conv' || i)::uuid, $1, md5('cust' || i)::uuid,
       CASE WHEN r1 < 0.15 THEN 'email' ELSE 'widget' END,
       (ARRAY['order_status','shipping','refund','billing','payment_dispute','account_access','account_closure','other'])[1 + floor(r2 * 8)::int],
       (ARRAY['orders','orders','billing','billing','billing','accounts','accounts','orders'])[1 + floor(r2 * 8)::int],
       t, t, t + interval '2 seconds', ai, handed, CASE WHEN handed THEN t + interval '2 seconds' END,
       handed::int, (handed AND r3 < 0.6)::int, (handed AND r3 < 0.45)::int,
       CASE WHEN handed AND r3 < 0.45 THEN 'needed' WHEN handed AND r3 < 0.6 THEN 'not_needed' END,
       CASE WHEN r4 < 0.03 THEN NULL WHEN handed THEN 'human' ELSE 'ai' END,
       CASE WHEN r4 < 0.03 THEN NULL WHEN handed THEN 'agent' ELSE 'ai_assumed' END,
       CASE WHEN r4 < 0.03 THEN NULL ELSE t + r3 * interval '2 hours' END,
       CASE WHEN r4 < 0.03 THEN NULL ELSE t + r3 * interval '2 hours' END,
       r4 BETWEEN 0.03 AND 0.09, false,
       CASE WHEN r1 < 0.4 THEN 1 + floor(r3 * 5)::int END,
       CASE WHEN handed THEN r4 * 900 END,
       ai::int, (ai AND r4 < 0.85)::int, 1 + handed::int, 0, handed::int, CASE WHEN handed THEN r1 * 300 ELSE 0 END
     FROM (
       SELECT i, r1, r2, r3, r4, r1 < 0.85 AS ai, r2 < 0.35 AS handed,
         now() - r3 * interval '90 days' AS t
       FROM (SELECT i, random() r1, random() r2, random() r3, random() r4 FROM generate_series($2::int, $3::int) i) draws
     ) g`,
    [workspaceId, first, last],
  );
};

/** Ten events per conversation of the chunk, with payloads of a realistic size. */
const insertEvents = async (client: pg.PoolClient, workspaceId: string, first: number, last: number) => {
  await client.query(
    `INSERT INTO conversation_events (conversation_id, workspace_id, type, actor, data, at)
       SELECT md5('conv' || i)::uuid, $1, ($4::text[])[k],
         jsonb_build_object('kind', 'system'),
         jsonb_build_object('messageId', md5('msg' || i || '-' || k)::uuid, 'note', repeat('x', 40)),
         now() - (i % 90) * interval '1 day' + k * interval '1 minute'
       FROM generate_series($2::int, $3::int) i, generate_series(1, $5::int) k`,
    [workspaceId, first, last, EVENT_TYPES, EVENTS_PER_CONVERSATION],
  );
};

const timed = (work: () => Promise<unknown>) => medianMs(RUNS, work);

const main = () =>
  withVolumeDatabase(async ({ store, pool, workspace }) => {
    const loadStarted = performance.now();
    const client = await pool.connect();
    try {
      await inChunks(CONVERSATIONS, CHUNK, async (first, last) => {
        await insertChunk(client, workspace.id, first, last);
        await client.query('SET session_replication_role = replica');
        await insertEvents(client, workspace.id, first, last);
        await client.query('SET session_replication_role = DEFAULT');
        process.stderr.write(`analytics: ${last} conversations\n`);
      });
      await client.query('ANALYZE');
    } finally {
      client.release();
    }
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const now = new Date();
    const settings: MetricSettings = {
      asOf: now,
      humanHourlyCost: 30,
      aiCostPerTurn: 0.01,
      baselineHandleSeconds: {},
    };
    const last30 = { from: new Date(now.getTime() - 30 * 86_400_000), to: now };
    const countStarMs = await timed(() => pool.query('SELECT COUNT(*) FROM conversation_events'));
    const countFactsMs = await timed(() => pool.query('SELECT COUNT(*) FROM conversation_facts'));
    const events = Number(
      (await pool.query('SELECT COUNT(*) AS n FROM conversation_events')).rows[0]?.n ?? 0,
    );
    // What the page asks for when it opens: the report and the day series, side by side.
    const openPage = () =>
      Promise.all([
        store.metrics.report(workspace.id, settings, last30),
        store.metrics.series(workspace.id, settings, last30, 'day'),
      ]);
    // Same run, before the daily rollup is built: every day is still marked stale (the facts writes
    // marked them), so the page reads the facts rows alone, as it did before migration 0074.
    const factsOnlyMs = await timed(openPage);
    const rollupStarted = performance.now();
    const rolledUpDays = await store.metrics.refreshDays(workspace.id);
    const rollupSeconds = (performance.now() - rollupStarted) / 1000;
    await pool.query(
      'ANALYZE conversation_facts_daily, conversation_facts_daily_times, conversation_facts_daily_stale',
    );
    const dashboardMs = await timed(openPage);
    const reportMs = await timed(() => store.metrics.report(workspace.id, settings, last30));
    const allMs = await timed(() => store.metrics.report(workspace.id, settings, { to: now }));
    const categoryMs = await timed(() =>
      store.metrics.report(workspace.id, settings, { ...last30, category: 'refund' }),
    );
    // What the page added for issue 13's charts and drill-down: the 30-day series by day, and the
    // first page of the conversations behind the handoff count.
    const seriesDayMs = await timed(() => store.metrics.series(workspace.id, settings, last30, 'day'));
    const drillMs = await timed(() =>
      store.metrics.conversationsBehind(
        workspace.id,
        settings,
        last30,
        { metric: 'handoffRate', part: 'counts' },
        { limit: 50, offset: 0 },
      ),
    );
    const result = {
      conversations: CONVERSATIONS,
      events,
      dashboardMs,
      factsOnlyMs,
      rolledUpDays,
      rollupSeconds: Math.round(rollupSeconds * 10) / 10,
      dashboardToFactsOnly: Math.round((dashboardMs / factsOnlyMs) * 100) / 100,
      reportMs,
      allConversationsMs: allMs,
      oneCategoryMs: categoryMs,
      seriesDayMs,
      drillDownMs: drillMs,
      countStarMs,
      countFactsMs,
      dashboardToFactsCount: Math.round((dashboardMs / countFactsMs) * 100) / 100,
      reportToFactsCount: Math.round((reportMs / countFactsMs) * 100) / 100,
      seriesToCount: Math.round((seriesDayMs / countStarMs) * 100) / 100,
      dashboardToCount: Math.round((dashboardMs / countStarMs) * 100) / 100,
      allToCount: Math.round((allMs / countStarMs) * 100) / 100,
      loadSeconds: Math.round(loadSeconds),
    };
    process.stdout.write(
      options.json ? `${JSON.stringify(result)}\n` : `${JSON.stringify(result, null, 2)}\n`,
    );
  });

await main();
