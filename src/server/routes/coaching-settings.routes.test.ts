/**
 * The coaching settings API: ops change the reviewers' weekly capacity and the report cadence with
 * a note (versioned settings with who and why), qa read them but may not change them, bad values
 * get a 400 that says what to write and change nothing, and the week's review sample follows the
 * capacity.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentApi, agentToken } from '../../../test/support/desk.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';
import { coachingSettingsViewSchema } from '../../api/coaching-settings-schemas.ts';

let baton: TestBaton;

beforeAll(async () => {
  baton = await startTestBaton();
});
afterAll(async () => baton?.close());

describe('coaching settings API', () => {
  it('lets ops set the review capacity and report cadence, qa read them, and refuses bad values', async () => {
    const [olu, quinn] = await Promise.all([
      agentToken(baton, 'olu@acme.test'),
      agentToken(baton, 'quinn@acme.test'),
    ]);
    const before = coachingSettingsViewSchema.parse(
      (await agentApi(baton, quinn, 'GET', '/api/coaching/settings')).body,
    );
    expect(before).toMatchObject({ reportCadence: 'weekly', canEdit: false });

    const saved = await agentApi(baton, olu, 'PUT', '/api/coaching/settings', {
      reviewsPerWeek: 7,
      reportCadence: 'fortnightly',
      note: 'two reviewers on leave',
    });
    expect([saved.status, saved.body]).toEqual([
      200,
      { reviewsPerWeek: 7, reportCadence: 'fortnightly', canEdit: true },
    ]);
    const read = await agentApi(baton, quinn, 'GET', '/api/coaching/settings');
    expect(read.body).toEqual({ reviewsPerWeek: 7, reportCadence: 'fortnightly', canEdit: false });

    const refused = await agentApi(baton, quinn, 'PUT', '/api/coaching/settings', {
      reviewsPerWeek: 50,
      reportCadence: 'weekly',
    });
    expect(refused.status).toBe(403);
    for (const bad of [
      { reviewsPerWeek: 0, reportCadence: 'weekly' },
      { reviewsPerWeek: 2.5, reportCadence: 'weekly' },
      { reviewsPerWeek: 10, reportCadence: 'monthly' },
    ]) {
      const response = await agentApi(baton, olu, 'PUT', '/api/coaching/settings', bad);
      expect([response.status, response.body]).toMatchObject([400, { error: { code: 'invalid_input' } }]);
    }
    const after = await agentApi(baton, quinn, 'GET', '/api/coaching/settings');
    expect(after.body).toEqual(read.body);

    const workspace = await baton.store.workspaces.getBySlug('acme');
    const sampling = await baton.store.settings.current(workspace?.id ?? '', 'review_sampling');
    const oluAgent = await baton.store.agents.getByEmail(workspace?.id ?? '', 'olu@acme.test');
    expect(sampling).toMatchObject({
      value: { reviewsPerWeek: 7 },
      author: oluAgent?.id,
      note: 'two reviewers on leave',
    });
    const queue = await agentApi(baton, quinn, 'GET', '/api/review/queue');
    expect(queue.body).toMatchObject({ capacity: 7 });
  });
});
