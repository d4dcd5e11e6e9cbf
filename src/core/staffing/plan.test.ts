import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  automationCurve,
  defaultPlanInput,
  parsePlanInput,
  planStaffing,
  roleIds,
  type StaffingPlanInputDraft,
  staffingPlanInputSchema,
} from './index.ts';

const examplesDir = fileURLToPath(new URL('../../../examples/plan/', import.meta.url));
const scenarios = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.json'))
  .map(
    (file) =>
      [file, JSON.parse(readFileSync(`${examplesDir}${file}`, 'utf8')) as StaffingPlanInputDraft] as const,
  );
const scenario = (prefix: string): StaffingPlanInputDraft => {
  const found = scenarios.find(([file]) => file.startsWith(prefix));
  if (found === undefined) throw new Error(`examples/plan/${prefix}* is missing`);
  return found[1];
};

describe('planStaffing on the reference scenarios in examples/plan', () => {
  it('finds the three scenarios', () => {
    expect(scenarios.map(([f]) => f).sort()).toEqual([
      'large-team-100-agents.json',
      'mid-team-25-agents.json',
      'small-team-5-agents.json',
    ]);
  });

  it.each(scenarios)(
    '%s: every role is present and explained before and after, and the team shrinks',
    (_, input) => {
      const plan = planStaffing(input);
      expect(plan.roles.map((r) => r.role)).toEqual([...roleIds]);
      for (const line of plan.roles) {
        expect(line.before.explanation.length).toBeGreaterThan(20);
        expect(line.after.explanation.length).toBeGreaterThan(20);
        expect(Number.isFinite(line.before.fte) && Number.isFinite(line.after.fte)).toBe(true);
      }
      const role = (id: string) => plan.roles.find((r) => r.role === id);
      expect(plan.totals.after.fte).toBeLessThan(plan.totals.before.fte);
      expect(role('frontline')?.after.fte).toBeLessThan(role('frontline')?.before.fte ?? 0);
      expect(role('aiQa')?.before.fte).toBe(0);
      expect(role('aiQa')?.after.fte).toBeGreaterThan(0);
      expect(role('knowledgeOps')?.after.fte).toBeGreaterThan(0);
      // The AI takes the short conversations, so it removes a smaller share of hours than of volume.
      expect(plan.automation.handleHoursShareRemoved).toBeLessThan(plan.automation.volumeShare);
    },
  );

  it.each(scenarios)(
    '%s: names the gap and what would have to hold wherever it misses a reported range',
    (_, input) => {
      const plan = planStaffing(input);
      expect(plan.comparisons.length).toBeGreaterThan(0);
      for (const c of plan.comparisons) {
        const [low, high] = c.reported;
        expect(c.within).toBe(c.model >= low - 0.005 && c.model <= high + 0.005);
        expect(plan.notes).toContain(c.note);
        if (c.within) {
          expect(c.note).toContain('within');
        } else {
          expect(c.note).toMatch(c.gap > 0 ? /above .* by / : /below .* by /);
          expect(c.note).toMatch(/to match|even with/);
        }
      }
    },
  );

  it.each(scenarios)(
    '%s: says in one sentence which input would have to change, wherever it misses',
    (_, input) => {
      for (const c of planStaffing(input).comparisons) {
        if (c.within) {
          expect(c.change).toBeNull();
        } else {
          expect(c.change).toMatch(/^[A-Z].* would have to .*\.$/);
          expect(c.change?.slice(0, -1)).not.toMatch(/\. [A-Z]/);
        }
      }
    },
  );

  it('starts the reference teams from 5, 25 and 100 people before automation', () => {
    expect(planStaffing(scenario('small')).totals.before.headcount).toBe(5);
    expect(planStaffing(scenario('mid')).totals.before.headcount).toBe(25);
    expect(planStaffing(scenario('large')).totals.before.headcount).toBe(100);
  });

  it('leaves 50–70% of the 25- and 100-agent teams at 60% automation, as support leaders report', () => {
    for (const input of [scenario('mid'), scenario('large')]) {
      const before = planStaffing(input).totals.before.fte;
      const [atSixty] = automationCurve(input, [0.6]);
      const share = (atSixty?.fte ?? 0) / before;
      expect(share).toBeGreaterThanOrEqual(0.5);
      expect(share).toBeLessThanOrEqual(0.7);
    }
  });

  it('keeps most of a 5-agent team, because whole agents must cover every open hour', () => {
    const plan = planStaffing(scenario('small'));
    expect(plan.automation.remainingTeamShare).toBeGreaterThan(0.7);
    expect(plan.roles[0]?.after.inputs.liveAgentsBusyShare).toBeLessThan(0.5);
  });
});

describe('planStaffing model properties', () => {
  const base = parsePlanInput(defaultPlanInput());

  it('needs fewer people as the AI resolves more, and exactly the before team with no AI', () => {
    const curve = automationCurve(base, [0, 0.2, 0.4, 0.6, 0.8]);
    expect(curve[0]?.fte).toBeCloseTo(planStaffing(base).totals.before.fte, 6);
    for (let i = 1; i < curve.length; i += 1) {
      expect(curve[i]?.byRole.frontline).toBeLessThanOrEqual(curve[i - 1]?.byRole.frontline ?? 0);
    }
    expect(curve.map((p) => p.automationRate)).toEqual(
      [0, 0.2, 0.4, 0.6, 0.8].map((r) => expect.closeTo(r, 3)),
    );
  });

  it('needs more frontline people the longer the residual conversations take', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (a, d) => {
          const fte = (increase: number) =>
            planStaffing({ ...base, residualHandleTimeIncrease: increase }).roles[0]?.after.fte ?? 0;
          expect(fte(a + d)).toBeGreaterThanOrEqual(fte(a));
        },
      ),
      { numRuns: 8 },
    );
  });

  it('converts agent-hours to FTE through shrinkage and the working week', () => {
    const plan = (over: Partial<typeof base>) => planStaffing({ ...base, ...over }).roles[0]?.before;
    const standard = plan({});
    const longerWeek = plan({ hoursPerFteWeek: base.hoursPerFteWeek * 2 });
    expect(longerWeek?.fte).toBeCloseTo((standard?.fte ?? 0) / 2, 1);
    expect(standard?.inputs.productiveHoursPerFte).toBeCloseTo(
      base.hoursPerFteWeek * (1 - base.shrinkage),
      9,
    );
  });

  it('keeps the minimum coverage on shift in every open hour, however little arrives', () => {
    const tiny = planStaffing({
      ...base,
      minimumCoverage: 2,
      volume: base.volume.map((v) => ({ ...v, perWeek: v.perWeek / 1000 })),
    });
    const f = tiny.roles[0]?.before;
    const openHours = Number(f?.inputs.openHoursPerWeek);
    expect(f?.fte).toBeGreaterThanOrEqual(
      (2 * openHours) / (base.hoursPerFteWeek * (1 - base.shrinkage)) - 1e-9,
    );
    expect(Number(f?.inputs.coverageAgentHours)).toBeGreaterThan(0);
  });

  it('uses Erlang A on a channel with patience set, which needs no more agents than Erlang C', () => {
    const withPatience = {
      ...base,
      channels: base.channels.map((c) => (c.kind === 'live' ? { ...c, patienceSeconds: 180 } : c)),
    };
    const a = planStaffing(withPatience).roles[0]?.before;
    expect(a?.explanation).toContain('Erlang A');
    expect(a?.fte).toBeLessThanOrEqual(planStaffing(base).roles[0]?.before.fte ?? 0);
  });

  it('produces plain JSON: it survives a round trip unchanged', () => {
    const plan = planStaffing(scenario('large'));
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});

describe('staffingPlanInputSchema', () => {
  it('fills in every default from a minimal input', () => {
    const parsed = staffingPlanInputSchema.parse({
      categories: [{ id: 'billing', handleMinutes: 8, aiResolutionShare: 0.5 }],
      channels: [{ kind: 'deferred', id: 'email' }],
      volume: [{ category: 'billing', channel: 'email', perWeek: 100 }],
      openingHours: [[9, 17], [9, 17], [9, 17], [9, 17], [9, 17], null, null],
    });
    expect(parsed.shrinkage).toBe(0.3);
    expect(parsed.roles.aiQa.samplingRate).toBe(0.05);
    expect(parsed.roles.teamLeads.enabled).toBe(true);
  });

  it('reports every problem with its exact path', () => {
    const input = {
      ...defaultPlanInput(),
      volume: [{ category: 'nope', channel: 'fax', perWeek: -1 }],
      openingHours: [[9, 8], null, null, null, null, null, null],
    };
    const paths = staffingPlanInputSchema.safeParse(input).error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['volume.0.perWeek', 'openingHours.0']));
    expect(() =>
      parsePlanInput({ ...input, volume: [{ category: 'nope', channel: 'fax', perWeek: 1 }] }),
    ).toThrow(/volume\.0\.category: unknown category "nope".*volume\.0\.channel/);
    expect(() => parsePlanInput({})).toThrow(DomainError);
  });
});
