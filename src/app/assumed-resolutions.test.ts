/**
 * The quiet-conversation sweep uses the workspace's assumed-resolution window (the `metrics`
 * setting), not a fixed day: with a 2-hour window an answered chat is the AI's after 2 hours.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '../../test/support/http.ts';
import { startTestBaton, type TestBaton } from '../../test/support/test-baton.ts';
import { METRICS_SETTINGS_KEY } from '../core/metrics/index.ts';
import { resolveQuietConversations } from './assumed-resolutions.ts';

const HOUR_MS = 3600_000;
let baton: TestBaton;
beforeAll(async () => {
  baton = await startTestBaton();
});
afterAll(async () => baton?.close());

const sweepAfter = (hours: number) =>
  resolveQuietConversations({ ...baton.baton.app, now: () => new Date(Date.now() + hours * HOUR_MS) });

describe('resolveQuietConversations', () => {
  it('resolves an answered conversation once the workspace window has passed, not before', async () => {
    await baton.store.settings.publish({
      workspaceId: baton.baton.app.workspace.id,
      key: METRICS_SETTINGS_KEY,
      value: { assumedResolutionHours: 2 },
      author: 'system',
    });
    const started = await request(baton.url, 'POST', '/api/widget/conversations', {
      body: { name: 'Quiet' },
    });
    const id = (started.body.conversation as { id: string }).id;
    const sent = await request(baton.url, 'POST', `/api/widget/conversations/${id}/messages`, {
      token: String(started.body.token),
      body: { text: 'How long does standard shipping take?' },
    });
    expect(sent.status).toBe(201);
    await baton.baton.app.aiTurns.idle();
    expect(await sweepAfter(1.5)).toBe(0);
    expect(await sweepAfter(2.5)).toBe(1);
    expect((await baton.store.conversations.getById(id))?.resolution).toBe('ai');
  });
});
