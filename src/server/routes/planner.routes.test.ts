import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '../../../test/support/http.ts';
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

describe('the OpenAPI document', () => {
  it('describes the planner routes from the staffing schema', async () => {
    const res = await request(baton.url, 'GET', '/openapi.json');
    expect(res.status).toBe(200);
    const paths = res.body.paths as Record<string, { post?: { requestBody?: unknown } }>;
    expect(Object.keys(paths)).toContain('/api/planner/defaults');
    expect(JSON.stringify(paths['/api/planner/plan']?.post?.requestBody)).toContain(
      'residualHandleTimeIncrease',
    );
  });
});
