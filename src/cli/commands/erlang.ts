import type { Command } from 'commander';
import { z } from 'zod';
import { isDomainError } from '../../core/errors.ts';
import {
  defaultConcurrencyEfficiency,
  effectiveHandleSeconds,
  erlangA,
  erlangC,
  smallestAgents,
  trafficErlangs,
} from '../../core/staffing/index.ts';

const numberOption = z.coerce.number({ error: 'must be a number' }).refine(Number.isFinite, 'must be finite');
const share = () =>
  numberOption.refine((v) => v > 0 && v < 1, 'must be between 0 and 1 (exclusive), e.g. 0.8');

const erlangOptionsSchema = z
  .object({
    calls: numberOption.refine((v) => v >= 0, 'must be 0 or more'),
    intervalSeconds: numberOption.refine((v) => v > 0, 'must be above 0'),
    ahtSeconds: numberOption.refine((v) => v > 0, 'must be above 0'),
    targetSeconds: numberOption.refine((v) => v >= 0, 'must be 0 or more'),
    serviceLevel: share().optional(),
    agents: numberOption
      .refine((v) => Number.isInteger(v) && v >= 1, 'must be a whole number of 1 or more')
      .refine((v) => v <= 10_000_000, 'must be at most 10000000')
      .optional(),
    maxOccupancy: numberOption.refine((v) => v > 0 && v <= 1, 'must be above 0 and at most 1').optional(),
    maxAbandon: share().optional(),
    concurrency: numberOption.refine((v) => v >= 1, 'must be 1 or more').default(1),
    concurrencyEfficiency: numberOption
      .refine((v) => v >= 0 && v <= 1, 'must be between 0 and 1')
      .default(defaultConcurrencyEfficiency),
    patienceSeconds: numberOption.refine((v) => v > 0, 'must be above 0').optional(),
  })
  .refine((o) => (o.serviceLevel === undefined) !== (o.agents === undefined), {
    message:
      'give exactly one of --service-level P (find the smallest team) or --agents N (figures for N agents)',
    path: ['serviceLevel'],
  });

const flagName = (key: PropertyKey | undefined): string =>
  key === undefined ? '' : `--${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} `;

/** `baton erlang`: one interval's staffing by Erlang C, or Erlang A with --patience-seconds (SPEC §13). */
export const registerErlangCommand = (program: Command): void => {
  program
    .command('erlang')
    .description(
      'Agents needed for one interval (Erlang C; Erlang A with --patience-seconds), printed as JSON',
    )
    .option('--calls <n>', 'conversations arriving in the interval')
    .option('--interval-seconds <s>', 'interval length in seconds, e.g. 1800')
    .option('--aht-seconds <s>', 'average handle time in seconds')
    .option('--target-seconds <t>', 'answer-within target in seconds, e.g. 20')
    .option('--service-level <p>', 'share to answer within the target, e.g. 0.8 (finds the smallest team)')
    .option('--agents <n>', 'instead of --service-level: figures for exactly this many agents')
    .option('--max-occupancy <o>', 'cap on agent occupancy, e.g. 0.85')
    .option('--max-abandon <p>', 'Erlang A only: cap on the share of customers who give up, e.g. 0.05')
    .option('--concurrency <c>', 'chats one agent carries at once', '1')
    .option(
      '--concurrency-efficiency <e>',
      'throughput each extra concurrent chat adds',
      `${defaultConcurrencyEfficiency}`,
    )
    .option('--patience-seconds <x>', 'mean customer patience: switches to Erlang A (abandonment)')
    .exitOverride((error) => {
      process.exit(error.exitCode === 0 ? 0 : 2);
    })
    .action((raw: Record<string, string | undefined>) => {
      const missing = ['calls', 'intervalSeconds', 'ahtSeconds', 'targetSeconds'].filter(
        (k) => raw[k] === undefined,
      );
      if (missing.length > 0) return fail(`missing ${missing.map((k) => flagName(k).trim()).join(', ')}`);
      const parsed = erlangOptionsSchema.safeParse(raw);
      if (!parsed.success) {
        return fail(parsed.error.issues.map((i) => `${flagName(i.path[0])}${i.message}`).join('; '));
      }
      try {
        process.stdout.write(`${JSON.stringify(computeInterval(parsed.data))}\n`);
      } catch (error) {
        if (isDomainError(error)) return fail(error.message);
        throw error;
      }
    });
};

const fail = (message: string): void => {
  process.stderr.write(`baton erlang: ${message}\n`);
  process.exitCode = 2;
};

const computeInterval = (o: z.infer<typeof erlangOptionsSchema>): Record<string, number> => {
  const ahtSeconds = effectiveHandleSeconds(o.ahtSeconds, o.concurrency, o.concurrencyEfficiency);
  const load = trafficErlangs(o.calls, o.intervalSeconds, ahtSeconds);
  const base = { trafficErlangs: load, ahtSeconds, targetSeconds: o.targetSeconds };
  let agents: number;
  let figures: ReturnType<typeof erlangC> & { probabilityOfAbandon?: number };
  if (o.agents !== undefined) {
    agents = o.agents;
    figures =
      o.patienceSeconds === undefined
        ? erlangC({ ...base, agents })
        : erlangA({ ...base, agents, patienceSeconds: o.patienceSeconds });
  } else {
    const result = smallestAgents({
      ...base,
      serviceLevel: o.serviceLevel ?? 0.8,
      maxOccupancy: o.maxOccupancy,
      maxAbandon: o.maxAbandon,
      patienceSeconds: o.patienceSeconds,
    });
    agents = result.agents;
    figures = result.figures;
  }
  return {
    agents,
    serviceLevel: figures.serviceLevel,
    // JSON has no infinity: an unstable queue (agents ≤ load, no abandonment) reports null.
    asaSeconds: figures.asaSeconds,
    occupancy: figures.occupancy,
    probabilityOfWait: figures.probabilityOfWait,
    ...(figures.probabilityOfAbandon === undefined
      ? {}
      : { probabilityOfAbandon: figures.probabilityOfAbandon }),
    trafficErlangs: load,
  };
};
