/**
 * Planner computations off the event loop. A plan runs Erlang C or A for every open hour of every
 * live channel at every point of the automation curve: bounded inputs still cost seconds at the
 * large end, and a request thread that computes them stops every other request meanwhile. A worker
 * thread with a time budget keeps the server answering; a plan over budget is stopped (its worker
 * is terminated) and refused with a clear message, and a full queue answers "busy".
 */
import { Tinypool } from 'tinypool';
import { type PlanResponse, planResponseSchema } from '../../api/planner-schemas.ts';
import { DomainError } from '../../core/errors.ts';
import type { PlanTask } from './plan-task.ts';

export interface PlannerPoolOptions {
  /** How long one plan may compute before it is stopped. */
  readonly timeBudgetMs: number;
  /** Plans waiting for a free worker before new ones are refused as busy. */
  readonly maxQueue: number;
  readonly maxThreads: number;
}

export const defaultPlannerPoolOptions: PlannerPoolOptions = {
  timeBudgetMs: 20_000,
  maxQueue: 8,
  maxThreads: 1,
};

export interface PlannerPool {
  compute(task: PlanTask): Promise<PlanResponse>;
  close(): Promise<void>;
}

const isAbort = (error: unknown): boolean => error instanceof Error && error.name === 'AbortError';
const isQueueFull = (error: unknown): boolean =>
  error instanceof Error && /queue is at limit/i.test(error.message);

/** Whatever the worker threw, as a DomainError when it was one (errors cross threads as plain objects). */
const fromWorker = (error: unknown): unknown => {
  if (typeof error === 'object' && error !== null && Reflect.get(error, 'name') === 'DomainError') {
    const code = Reflect.get(error, 'code');
    if (code === 'invalid_input')
      return new DomainError('invalid_input', String(Reflect.get(error, 'message')));
  }
  return error;
};

export const createPlannerPool = (options: PlannerPoolOptions = defaultPlannerPoolOptions): PlannerPool => {
  const pool = new Tinypool({
    filename: new URL('./plan-task-worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: options.maxThreads,
    maxQueue: options.maxQueue,
    idleTimeout: 60_000,
  });
  return {
    async compute(task) {
      const signal = AbortSignal.timeout(options.timeBudgetMs);
      try {
        return planResponseSchema.parse(await pool.run(task, { signal }));
      } catch (error) {
        if (isAbort(error) || signal.aborted) {
          throw new DomainError(
            'computation_too_long',
            `The plan took over ${options.timeBudgetMs / 1000} s and was stopped. Plan fewer channels, fewer curve points or a smaller team.`,
          );
        }
        if (isQueueFull(error)) {
          throw new DomainError(
            'server_busy',
            'The planner is busy with other plans. Try again in a minute.',
          );
        }
        throw fromWorker(error);
      }
    },
    close: () => pool.destroy(),
  };
};
