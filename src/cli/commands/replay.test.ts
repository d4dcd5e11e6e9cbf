/**
 * `baton replay` on a file with known outcomes: each conversation goes through the store and the
 * live turn engine of the Acme demo, and the lines and the §9 report say exactly what happened.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricsReport } from '../../core/metrics/index.ts';
import { replayFile } from './replay.ts';

const line = (value: unknown) => JSON.stringify(value);
const customerSays = (text: string, at: string) => ({ role: 'customer', text, at });
const agentSays = (text: string, at: string) => ({ role: 'agent', text, at });

/**
 * Five conversations and one broken line. Ana asks about delivery twice in three days (the second
 * is a recontact of the first, and a reviewer says the AI should have handed it over); Ben asks
 * for a person, who picks up after 5 minutes and resolves 10 minutes later; Cleo asks about payment
 * methods and thanks the AI; Dev asks for a person and nobody replies.
 */
const knownFile = [
  line({
    id: 'ana-1',
    customer: 'ana',
    messages: [customerSays('How long does standard delivery take?', '2026-03-02T09:00:00Z')],
    csat: 5,
  }),
  line({
    id: 'ben-1',
    customer: 'ben',
    channel: 'email',
    messages: [
      customerSays('I want to speak to a human right now please', '2026-03-02T10:00:00Z'),
      agentSays('Hi Ben, I am looking at your order now.', '2026-03-02T10:05:00Z'),
      agentSays('Done: the new address is on the order.', '2026-03-02T10:15:00Z'),
    ],
    csat: 4,
    verdict: 'needed',
  }),
  line({
    id: 'ana-2',
    customer: 'ana',
    messages: [customerSays('How long does standard delivery take to arrive?', '2026-03-04T09:00:00Z')],
    csat: 2,
    review: { label: 'should_have_escalated', rootCause: 'policy_too_loose' },
  }),
  line({
    id: 'cleo-1',
    customer: 'cleo',
    messages: [
      customerSays('What payment methods do you accept?', '2026-03-02T11:00:00Z'),
      customerSays('Thanks, that answers it.', '2026-03-02T11:02:00Z'),
    ],
  }),
  line({
    id: 'dev-1',
    customer: 'dev',
    messages: [customerSays('I want to speak to a human about my order', '2026-03-03T12:00:00Z')],
    verdict: 'not_needed',
  }),
  '{"id": "broken", "customer": "eve", "messages": []}',
  '',
].join('\n');

let dir: string;
let result: Awaited<ReturnType<typeof replayFile>>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baton-replay-'));
  await writeFile(join(dir, 'in.jsonl'), knownFile);
  result = await replayFile({ in: join(dir, 'in.jsonl'), out: join(dir, 'out.jsonl') });
}, 180_000);
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('baton replay on a file with known outcomes', () => {
  it('writes one line per input line in the same order, with what happened to each conversation', () => {
    expect(result.lines.map((l) => l.id)).toEqual(['ana-1', 'ben-1', 'ana-2', 'cleo-1', 'dev-1', 'broken']);
    const [ana1, ben1, ana2, cleo1, dev1, broken] = result.lines;
    expect(ana1).toEqual({
      id: 'ana-1',
      customer: 'ana',
      category: 'shipping',
      firstMessageAt: '2026-03-02T09:00:00.000Z',
      aiInvolved: true,
      handedOver: false,
      handedOverAt: null,
      resolution: 'ai',
      // An assumed resolution takes effect at the AI's answer, 2 s after the question.
      resolvedAt: '2026-03-02T09:00:02.000Z',
      recontactOf: null,
      firstResponseSeconds: 2,
      csat: 5,
    });
    expect(ben1).toMatchObject({
      aiInvolved: false,
      handedOver: true,
      handedOverAt: '2026-03-02T10:00:02.000Z',
      resolution: 'human',
      resolvedAt: '2026-03-02T10:15:00.000Z',
      csat: 4,
    });
    expect(ana2).toMatchObject({ category: 'shipping', resolution: 'ai', recontactOf: 'ana-1', csat: 2 });
    expect(cleo1).toMatchObject({ resolution: 'ai', resolvedAt: '2026-03-02T11:02:02.000Z', csat: null });
    expect(dev1).toMatchObject({ handedOver: true, resolution: null, resolvedAt: null });
    expect(broken).toEqual({ id: 'broken', error: 'messages: must hold at least one message' });
    expect(result.errors).toBe(1);
  });

  it('reports the §9 numbers the known outcomes give', () => {
    const report: MetricsReport = result.report;
    expect(report).toMatchObject({
      conversations: 5,
      involvementRate: 3 / 5,
      aiResolutionRate: 1,
      automationRate: 3 / 5,
      handoffRate: 2 / 5,
      recontactRateAfterAi: 1 / 3,
      durableAiResolutionRate: 2 / 3,
      escalationPrecision: 1 / 2,
      missedEscalations: 1 / 3,
      knowledgeCoverage: 1,
      // Dev's conversation was never resolved; the other four within a day of their first message.
      combined24hResolutionRate: 4 / 5,
      csat: { aiOnly: 1 / 2, handedOver: null, humanOnly: 1 },
      firstContactResolution: 3 / 4,
      timeToFirstResponse: { p50: 2, p90: 2 },
      handleTime: { p50: 600, p90: 600 },
      costPerResolved: null,
    });
    expect(Object.keys(report.aiResolutionRateByCategory).sort()).toEqual(['billing', 'shipping']);
    // Resolution times 2 s, 2 s, 122 s and 900 s: the median lies between 2 and 122.
    expect(report.timeToResolution.p50).toBe(62);
  });
});
