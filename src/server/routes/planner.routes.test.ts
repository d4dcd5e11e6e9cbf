import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, request } from '../../../test/support/http.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';
import { automationCurve, defaultPlanInput, planStaffing } from '../../core/staffing/index.ts';
import { scenariosDir } from './planner.routes.ts';

let baton: TestBaton;
let token: string;
beforeAll(async () => {
  baton = await startTestBaton();
  const agent = baton.agents.find((a) => a.role === 'agent') ?? baton.agents[0];
  if (!agent) throw new Error('the demo has no agents');
  const res = await request(baton.url, 'POST', '/api/auth/sign-in', {
    body: { email: agent.email, password: agent.password },
  });
  token = String(res.body.token);
});
afterAll(async () => baton?.close());

const midTeam = (): unknown =>
  JSON.parse(readFileSync(`${scenariosDir}mid-team-25-agents.json`, 'utf8')) as unknown;

describe('the planner API', () => {
  it('refuses both endpoints without a session', async () => {
    expect((await request(baton.url, 'GET', '/api/planner/defaults')).status).toBe(401);
    const res = await request(baton.url, 'POST', '/api/planner/plan', { body: { input: midTeam() } });
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('unauthenticated');
  });

  it('gives the default input and the three reference scenarios with every default filled in', async () => {
    const res = await request(baton.url, 'GET', '/api/planner/defaults', { token });
    expect(res.status).toBe(200);
    const body = res.body as unknown as {
      defaultInput: { name: string; shrinkage: number };
      scenarios: { id: string; name: string; input: { shrinkage: number; roles: { aiQa: object } } }[];
    };
    expect(body.defaultInput.name).toBe(defaultPlanInput().name);
    expect(body.defaultInput.shrinkage).toBeTypeOf('number');
    expect(body.scenarios.map((s) => s.id)).toEqual([
      'small-team-5-agents',
      'mid-team-25-agents',
      'large-team-100-agents',
    ]);
    for (const scenario of body.scenarios) {
      expect(scenario.input.shrinkage).toBeTypeOf('number');
      expect(scenario.input.roles.aiQa).toHaveProperty('samplingRate');
    }
  });

  it('returns the same plan as the staffing core, and the curve at the rates asked for', async () => {
    const rates = [0, 0.35, 0.7];
    const res = await request(baton.url, 'POST', '/api/planner/plan', {
      token,
      body: { input: midTeam(), curveRates: rates },
    });
    expect(res.status).toBe(200);
    expect(res.body.plan).toEqual(planStaffing(midTeam() as Parameters<typeof planStaffing>[0]));
    expect(res.body.curve).toEqual(automationCurve(midTeam() as Parameters<typeof planStaffing>[0], rates));
  });

  it('computes the curve from no automation to 90% when no rates are given', async () => {
    const res = await request(baton.url, 'POST', '/api/planner/plan', {
      token,
      body: { input: defaultPlanInput() },
    });
    expect(res.status).toBe(200);
    const curve = res.body.curve as { automationRate: number }[];
    expect(curve.map((p) => Math.round(p.automationRate * 10) / 10)).toEqual([
      0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9,
    ]);
  });

  it('refuses a negative volume with invalid_input naming the field', async () => {
    const input = defaultPlanInput();
    const volume = input.volume.map((row, i) => (i === 3 ? { ...row, perWeek: -5 } : row));
    const res = await request(baton.url, 'POST', '/api/planner/plan', {
      token,
      body: { input: { ...input, volume } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('invalid_input');
    expect(res.body.error?.message).toContain('input.volume.3.perWeek');
  });

  it('refuses a volume row for a category the plan does not have, saying which', async () => {
    const input = defaultPlanInput();
    const volume = [...input.volume, { category: 'returns', channel: 'chat', perWeek: 10 }];
    const res = await request(baton.url, 'POST', '/api/planner/plan', {
      token,
      body: { input: { ...input, volume } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/unknown category "returns"/);
  });
});

interface HistoryBody {
  input: { volume: { category: string; channel: string; perWeek: number }[]; categories: { id: string }[] };
  evidence: {
    category: string;
    conversations: number;
    humanResolved: number;
    handleSamples: number;
    handleMinutes: number;
    usedDefaultFor: string[];
  }[];
  window: { days: number; weeks: number };
  conversations: number;
  uncategorised: number;
  channelsNotRecorded: string[];
}

const fromHistory = async (query: string, withToken = token) => {
  const res = await request(baton.url, 'GET', `/api/planner/from-history${query}`, { token: withToken });
  return { status: res.status, body: res.body as unknown as HistoryBody, raw: res.body };
};

/** A customer asks for a person; the conversation waits in a queue with the category the AI gave it. */
const handedOver = async (name: string, text: string): Promise<string> => {
  const started = await request(baton.url, 'POST', '/api/widget/conversations', { body: { name } });
  const id = (started.body.conversation as { id: string }).id;
  const customer = String(started.body.token);
  await request(baton.url, 'POST', `/api/widget/conversations/${id}/messages`, {
    token: customer,
    body: { text },
  });
  await eventually(async () => {
    const view = await request(baton.url, 'GET', `/api/widget/conversations/${id}`, { token: customer });
    return view.body.state === 'queued' || view.body.state === 'assigned' ? view : null;
  });
  return id;
};

describe('planner inputs from the workspace history', () => {
  let sam: string;
  beforeAll(async () => {
    const res = await request(baton.url, 'POST', '/api/auth/sign-in', {
      body: { email: 'sam@acme.test', password: 'sam-demo-pass' },
    });
    sam = String(res.body.token);
  });

  it('refuses without a session and refuses a window of zero days', async () => {
    expect((await fromHistory('', '')).status).toBe(401);
    const res = await fromHistory('?days=0');
    expect(res.status).toBe(400);
    expect(res.raw.error?.code).toBe('invalid_input');
  });

  it('gives the defaults with every figure flagged when the workspace has no history yet', async () => {
    const defaults = await request(baton.url, 'GET', '/api/planner/defaults', { token });
    const res = await fromHistory('');
    expect(res.status).toBe(200);
    expect(res.body.conversations).toBe(0);
    expect(res.body.input.volume).toEqual((defaults.body.defaultInput as HistoryBody['input']).volume);
    expect(res.body.evidence.length).toBe(res.body.input.categories.length);
    for (const e of res.body.evidence) {
      expect(e.usedDefaultFor).toEqual(['volume', 'handleMinutes', 'aiResolutionShare']);
    }
  });

  it('reflects conversations customers started and agents resolved through the API', async () => {
    const asks = [
      ['Ana', 'I was charged twice on my last invoice, I want to talk to a person'],
      ['Ben', 'my refund has not arrived, please get me a human'],
      ['Chloé', 'I cannot log in to my account, can I speak to someone'],
      ['Dev', 'I was charged twice this month, connect me to an agent'],
    ] as const;
    const ids: string[] = [];
    for (const [name, text] of asks) ids.push(await handedOver(name, text));
    const resolved = ids.slice(0, 3);
    for (const id of resolved) {
      expect(
        // Automatic assignment may have given it to a colleague: Sam, an admin, takes it over.
        (await request(baton.url, 'POST', `/api/inbox/conversations/${id}/take-over`, { token: sam })).status,
      ).toBe(200);
      expect(
        (await request(baton.url, 'POST', `/api/inbox/conversations/${id}/resolve`, { token: sam })).status,
      ).toBe(200);
    }
    // What Baton recorded, read back through the inbox: the category of each conversation.
    const categoryOf = new Map<string, string | null>();
    for (const id of ids) {
      const detail = await request(baton.url, 'GET', `/api/inbox/conversations/${id}`, { token: sam });
      const conversation = (detail.body.conversation ?? detail.body) as { category: string | null };
      categoryOf.set(id, conversation.category);
    }

    const res = await fromHistory('?days=28&minSamples=1');
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.conversations).toBe(ids.length);
    expect(body.channelsNotRecorded).toEqual(['email']);
    const categories = [...new Set([...categoryOf.values()].filter((c): c is string => c !== null))];
    expect(categories.length).toBeGreaterThan(0);
    for (const category of categories) {
      const mine = ids.filter((id) => categoryOf.get(id) === category);
      const evidence = body.evidence.find((e) => e.category === category);
      expect(evidence?.conversations).toBe(mine.length);
      const humanResolved = mine.filter((id) => resolved.includes(id)).length;
      expect(evidence?.humanResolved).toBe(humanResolved);
      expect(evidence?.handleSamples).toBe(humanResolved);
      expect(evidence?.usedDefaultFor.includes('handleMinutes')).toBe(humanResolved === 0);
      const chat = body.input.volume.find((v) => v.category === category && v.channel === 'chat');
      expect(chat?.perWeek).toBeGreaterThan(0);
    }
    expect(body.uncategorised).toBe(ids.filter((id) => categoryOf.get(id) === null).length);
    // The workspace is minutes old, so the window is one day: the week holds seven of it.
    expect(body.window.days).toBe(1);
    const weekly = body.input.volume.reduce((sum, v) => sum + v.perWeek, 0);
    expect(weekly).toBeCloseTo(ids.length * 7);

    const plan = await request(baton.url, 'POST', '/api/planner/plan', {
      token,
      body: { input: body.input },
    });
    expect(plan.status).toBe(200);
  });

  it('keeps the default handle time, flagged, while a category has fewer samples than asked for', async () => {
    const res = await fromHistory('?days=28');
    expect(res.status).toBe(200);
    for (const e of res.body.evidence) {
      expect(e.handleSamples).toBeLessThan(10);
      expect(e.usedDefaultFor).toContain('handleMinutes');
    }
  });
});

describe('the OpenAPI document', () => {
  it('describes the planner routes from the staffing schema', async () => {
    const res = await request(baton.url, 'GET', '/openapi.json');
    expect(res.status).toBe(200);
    const paths = res.body.paths as Record<string, { post?: { requestBody?: unknown } }>;
    expect(Object.keys(paths)).toContain('/api/planner/defaults');
    expect(Object.keys(paths)).toContain('/api/planner/from-history');
    expect(JSON.stringify(paths['/api/planner/plan']?.post?.requestBody)).toContain(
      'residualHandleTimeIncrease',
    );
  });
});
