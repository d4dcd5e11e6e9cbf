import { afterAll, describe, expect, it } from 'vitest';
import { defaultPlanInput, parsePlanInput } from '../../core/staffing/index.ts';
import { computePlan } from './plan-task.ts';
import { createPlannerPool } from './planner-pool.ts';

const pools: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
});

describe('the planner worker pool', () => {
  it('computes in a worker thread exactly what the core computes in this one', async () => {
    const pool = createPlannerPool({ timeBudgetMs: 60_000, maxQueue: 4, maxThreads: 1 });
    pools.push(pool);
    const task = { input: parsePlanInput(defaultPlanInput()), curveRates: [0, 0.5] };
    expect(await pool.compute(task)).toEqual(JSON.parse(JSON.stringify(computePlan(task))));
  });

  it('stops a plan over its time budget and says so (422 computation_too_long)', async () => {
    const pool = createPlannerPool({ timeBudgetMs: 1, maxQueue: 4, maxThreads: 1 });
    pools.push(pool);
    await expect(pool.compute({ input: parsePlanInput(defaultPlanInput()) })).rejects.toMatchObject({
      code: 'computation_too_long',
    });
  });

  it('answers busy when more plans wait than the queue holds', async () => {
    const pool = createPlannerPool({ timeBudgetMs: 60_000, maxQueue: 1, maxThreads: 1 });
    pools.push(pool);
    const task = { input: parsePlanInput(defaultPlanInput()) };
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => pool.compute(task)));
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused)
      expect(r.status === 'rejected' && r.reason).toMatchObject({ code: 'server_busy' });
  });
});
