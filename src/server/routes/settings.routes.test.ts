/**
 * The workspace settings over real HTTP (issue 10): admins save the chat's look and the counting
 * windows and costs; each change is a version with its author and the earlier values; the chat
 * reads its look without signing in; the quiet-conversation sweep uses the saved window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentToken } from '../../../test/support/desk.ts';
import { request } from '../../../test/support/http.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';
import { resolveQuietConversations } from '../../app/assumed-resolutions.ts';

let baton: TestBaton;
let admin: string;
const HOUR_MS = 3600_000;

const settings = () => request(baton.url, 'GET', '/api/settings', { token: admin });
const save = (body: unknown) => request(baton.url, 'PUT', '/api/settings', { token: admin, body });

const widget = {
  greeting: 'Welcome to Acme! Ask about your order.',
  colour: '#0a7f3f',
  position: 'left',
  publicUrl: 'https://help.acme.test',
  launcherText: 'Ask Acme',
};
const counting = {
  assumedResolutionHours: 2,
  recontactDays: 3,
  humanHourlyCost: 32,
  aiCostPerConversation: 0.4,
};

beforeAll(async () => {
  baton = await startTestBaton();
  admin = await agentToken(baton, 'sam@acme.test');
});
afterAll(async () => baton?.close());

describe('workspace settings', () => {
  it('starts from the defaults: a 24-hour assumed-resolution window, a 7-day recontact window, no costs', async () => {
    const view = await settings();
    expect(view.status).toBe(200);
    expect(view.body.counting).toEqual({
      assumedResolutionHours: 24,
      recontactDays: 7,
      humanHourlyCost: null,
      aiCostPerConversation: null,
    });
    expect(view.body.widget).toMatchObject({ position: 'right', colour: '#1f4fd1', publicUrl: null });
    expect(view.body.history).toEqual([]);
  });

  it('saves a version per changed setting with its author and keeps the earlier values in the history', async () => {
    expect((await save({ widget, counting, note: 'Our own colours' })).status).toBe(200);
    const changed = { ...widget, greeting: 'Hello from Acme support.' };
    const again = await save({ widget: changed, counting });
    expect(again.status).toBe(200);
    expect(again.body.widget).toEqual(changed);
    expect(again.body.counting).toEqual(counting);
    // No conversation was counted yet, and the second save changed no window.
    expect(again.body.recounted).toBe(0);
    const history = again.body.history as {
      setting: string;
      version: number;
      author: string;
      note: string | null;
      value: Record<string, unknown>;
    }[];
    // Only the widget changed the second time: metrics keeps one version.
    expect(history.map((h) => `${h.setting} v${h.version}`)).toEqual([
      'widget v2',
      'metrics v1',
      'widget v1',
    ]);
    expect(history.every((h) => h.author === 'Sam Admin' || h.author.startsWith('Sam'))).toBe(true);
    expect(history[2]?.value.greeting).toBe(widget.greeting);
    expect(history[2]?.note).toBe('Our own colours');
    expect(history[1]?.value).toMatchObject(counting);
  });

  it('gives the chat its greeting, colour, corner and button words without signing in, readable from any site', async () => {
    const res = await fetch(`${baton.url}/api/widget/settings`, {
      headers: { origin: 'https://shop.acme.test' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.json()).toEqual({
      greeting: 'Hello from Acme support.',
      colour: '#0a7f3f',
      position: 'left',
      launcherText: 'Ask Acme',
    });
  });

  it('refuses bad values with 400 naming the field, and stores nothing', async () => {
    const before = (await settings()).body.history;
    for (const body of [
      { widget: { ...widget, colour: 'green' }, counting },
      { widget: { ...widget, position: 'top' }, counting },
      { widget: { ...widget, publicUrl: 'javascript:alert(1)' }, counting },
      { widget: { ...widget, greeting: '' }, counting },
      { widget, counting: { ...counting, assumedResolutionHours: 0 } },
      { widget, counting: { ...counting, recontactDays: 400 } },
      { widget, counting: { ...counting, humanHourlyCost: -1 } },
    ]) {
      const refused = await save(body);
      expect({ body, status: refused.status, code: refused.body.error?.code }).toEqual({
        body,
        status: 400,
        code: 'invalid_input',
      });
    }
    expect((await settings()).body.history).toEqual(before);
  });

  it('resolves a quiet AI conversation after the saved window, not after 24 hours', async () => {
    const started = await request(baton.url, 'POST', '/api/widget/conversations', { body: {} });
    const chat = { id: (started.body.conversation as { id: string }).id, token: String(started.body.token) };
    await request(baton.url, 'POST', `/api/widget/conversations/${chat.id}/messages`, {
      token: chat.token,
      body: { text: 'How long does standard shipping take?' },
    });
    await baton.baton.app.aiTurns.idle();
    const sweepAfter = (hours: number) =>
      resolveQuietConversations({ ...baton.baton.app, now: () => new Date(Date.now() + hours * HOUR_MS) });
    await sweepAfter(1);
    expect((await baton.store.conversations.getById(chat.id))?.state).toBe('ai');
    await sweepAfter(3);
    expect((await baton.store.conversations.getById(chat.id))?.state).toBe('resolved');
  });

  it('counts conversations already counted with a new recontact window as soon as it is saved', async () => {
    const store = baton.store;
    const workspaceId = baton.baton.app.workspace.id;
    const customer = await store.customers.create({ workspaceId, name: 'Returning customer' });
    const day = (d: number, hours = 0) => new Date(Date.UTC(2026, 2, d, 9) + hours * HOUR_MS);
    // Answered by the AI, then quiet: resolved by the AI as of its answer.
    const answeredAndQuiet = async (at: Date) => {
      const { id } = await store.conversations.create(
        { workspaceId, customerId: customer.id },
        {
          type: 'conversation_started',
          actor: { kind: 'customer', id: customer.id },
          data: { channel: 'widget' },
          at,
        },
      );
      await store.messages.append(
        {
          conversationId: id,
          author: 'customer',
          authorId: customer.id,
          body: 'Where is my parcel?',
          createdAt: at,
        },
        { kind: 'customer', id: customer.id },
      );
      const answeredAt = new Date(at.getTime() + 60_000);
      await store.events.append(id, {
        type: 'categorised',
        actor: { kind: 'ai' },
        data: { category: 'shipping' },
        at: answeredAt,
      });
      await store.messages.append(
        { conversationId: id, author: 'ai', body: 'It ships within 3 days.', createdAt: answeredAt },
        { kind: 'ai' },
      );
      await store.conversations.applyChange(
        id,
        'ai',
        { state: 'resolved', resolution: 'ai', category: 'shipping' },
        {
          type: 'resolved',
          actor: { kind: 'system' },
          data: { by: 'ai_assumed', resolution: 'ai', teamKey: null },
          at: new Date(at.getTime() + 25 * HOUR_MS),
        },
      );
    };
    const recontactRate = async () => {
      const report = await request(baton.url, 'GET', '/api/metrics?from=2026-03-01&to=2026-03-15', {
        token: admin,
      });
      expect(report.status).toBe(200);
      return report.body.recontactRateAfterAi;
    };
    expect((await save({ widget, counting: { ...counting, recontactDays: 3 } })).status).toBe(200);
    await answeredAndQuiet(day(2));
    // Back two days after the AI's answer, about the same thing.
    await answeredAndQuiet(day(4));
    expect(await recontactRate()).toBe(0.5);
    // A one-day window: two days later is a new contact, not a recontact — for these conversations too.
    expect((await save({ widget, counting: { ...counting, recontactDays: 1 } })).status).toBe(200);
    expect(await recontactRate()).toBe(0);
    expect((await save({ widget, counting: { ...counting, recontactDays: 3 } })).status).toBe(200);
    expect(await recontactRate()).toBe(0.5);
  });
});
