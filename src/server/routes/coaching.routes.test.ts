import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { agentApi, agentToken } from '../../../test/support/desk.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';
import { calibrationViewSchema } from '../../api/calibration-schemas.ts';
import { weeklyReportResponseSchema } from '../../api/weekly-report-schemas.ts';

let baton: TestBaton;

beforeAll(async () => {
  baton = await startTestBaton();
});
afterAll(async () => baton?.close());

describe('calibration API', () => {
  it('fits a category from reviewed answers whose raw confidence claimed too much: ECE falls', async () => {
    const workspace = await baton.store.workspaces.getBySlug('acme');
    const workspaceId = workspace?.id ?? '';
    const quinn = await baton.store.agents.getByEmail(workspaceId, 'quinn@acme.test');
    const customer = await baton.store.customers.create({ workspaceId, name: 'Calibration Customer' });
    // 80 answered 'orders' conversations scored 0.6–0.99, and only every other answer was right.
    for (let i = 0; i < 80; i += 1) {
      const score = 0.6 + (0.39 * ((i * 37) % 80)) / 80;
      const conversation = await baton.store.conversations.create(
        { workspaceId, customerId: customer.id },
        {
          type: 'conversation_started',
          actor: { kind: 'customer', id: customer.id },
          data: { channel: 'widget' },
        },
      );
      await baton.store.events.append(conversation.id, {
        type: 'decision_made',
        actor: { kind: 'ai' },
        data: {
          action: 'answer',
          category: 'orders',
          trace: { retrieval: { kind: 'answer', confidence: score }, thresholds: { answerConfidence: 0.5 } },
        },
      });
      await baton.store.reviews.saveLabel({
        workspaceId,
        conversationId: conversation.id,
        messageId: null,
        source: 'review',
        label: i % 2 === 0 ? 'correct' : 'incorrect',
        rootCause: null,
        correctAnswer: null,
        notes: null,
        authorId: quinn?.id ?? '',
      });
    }
    const token = await agentToken(baton, 'quinn@acme.test');
    const view = calibrationViewSchema.parse(
      (await agentApi(baton, token, 'GET', '/api/coaching/calibration')).body,
    );
    const orders = view.categories.find((c) => c.category === 'orders');
    expect(orders).toMatchObject({ labels: 80, status: 'calibrated' });
    expect(orders?.after.ece).toBeLessThan(orders?.before.ece ?? 0);
    expect(orders?.before.curve).toHaveLength(10);

    const maya = await agentToken(baton, 'maya@acme.test');
    expect((await agentApi(baton, maya, 'GET', '/api/coaching/calibration')).status).toBe(403);
  });
});

describe('weekly report API', () => {
  it('gives qa the report of a week as Markdown and JSON, and refuses agents and bad weeks', async () => {
    const quinn = await agentToken(baton, 'quinn@acme.test');
    const response = await agentApi(baton, quinn, 'GET', '/api/coaching/report?week=2026-W49');
    expect(response.status).toBe(200);
    const body = weeklyReportResponseSchema.parse(response.body);
    expect(body.week).toBe('2026-W49');
    expect(body.markdown).toContain('## What was wrong');
    expect(body.report).toMatchObject({ week: '2026-W49', from: '2026-11-30', to: '2026-12-06' });
    expect([body.cadence, body.weeks]).toEqual(['weekly', ['2026-W49']]);
    // CSAT is the share of ratings of 4 or 5: a percentage like the other rates, not a bare fraction.
    const numbers = z.array(z.object({ key: z.string(), unit: z.string() })).parse(body.report.numbers);
    expect(numbers.find((line) => line.key === 'csatAiOnly')?.unit).toBe('rate');
    expect(body.markdown).toMatch(/\| CSAT of AI-only conversations \| (?:—|\d+\.\d%) \|/);
    const bad = await agentApi(baton, quinn, 'GET', '/api/coaching/report?week=2026-W60');
    expect([bad.status, bad.body]).toMatchObject([400, { error: { code: 'invalid_input' } }]);
    const maya = await agentToken(baton, 'maya@acme.test');
    expect((await agentApi(baton, maya, 'GET', '/api/coaching/report')).status).toBe(403);
  });

  it('covers two weeks ending with the chosen one once ops set the fortnightly cadence', async () => {
    const olu = await agentToken(baton, 'olu@acme.test');
    const set = await agentApi(baton, olu, 'PUT', '/api/coaching/settings', {
      reviewsPerWeek: 25,
      reportCadence: 'fortnightly',
    });
    expect(set.status).toBe(200);
    const quinn = await agentToken(baton, 'quinn@acme.test');
    const body = weeklyReportResponseSchema.parse(
      (await agentApi(baton, quinn, 'GET', '/api/coaching/report?week=2026-W49')).body,
    );
    expect([body.week, body.cadence, body.weeks]).toEqual([
      '2026-W49',
      'fortnightly',
      ['2026-W48', '2026-W49'],
    ]);
    expect(body.report).toMatchObject({ week: '2026-W49', from: '2026-11-23', to: '2026-12-06' });
    expect(body.markdown).toMatch(/^# Fortnightly review: Weeks 2026-W48–W49 — /);
  });
});
