/**
 * What the hardening of issue 12 costs and changes, measured against a running Baton:
 *  - sign-in time for a real account against an unknown email (equal times: no enumeration);
 *  - the policy check endpoint with 10 KB of nested brackets and 15,000 keys, beside a health check
 *    (before the fix the first killed the process and the second blocked it for seconds);
 *  - POST /api/planner/plan for a large team while health checks keep coming (the plan runs in a
 *    worker: the health checks' latency is the number to watch).
 * Usage: npx tsx bench/hardening/run.ts [--rounds 10]
 */
import { startTestBaton } from '../../test/support/test-baton.ts';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] ?? 10) || 10;

const timed = async (run: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const post = (url: string, body: unknown, token?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  }).then(async (res) => ({ status: res.status, body: await res.text() }));

const baton = await startTestBaton();
const admin = baton.agents.find((a) => a.role === 'admin');
if (!admin) throw new Error('the demo has no admin');
const health = () => fetch(`${baton.url}/api/health`).then((res) => res.text());

const real: number[] = [];
const unknown: number[] = [];
for (let i = 0; i < rounds; i += 1) {
  real.push(
    await timed(() =>
      post(`${baton.url}/api/auth/sign-in`, { email: admin.email, password: 'wrong-password' }),
    ),
  );
  unknown.push(
    await timed(() =>
      post(`${baton.url}/api/auth/sign-in`, { email: `nobody${i}@example.com`, password: 'wrong-password' }),
    ),
  );
}
const signedIn = JSON.parse(
  (await post(`${baton.url}/api/auth/sign-in`, { email: admin.email, password: admin.password })).body,
);
const token = String(signedIn.token);

const healthMs: number[] = [];
for (let i = 0; i < rounds; i += 1) healthMs.push(await timed(health));
const nested = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
const keys = Array.from({ length: 15_000 }, (_, i) => `key${i}: value`).join('\n');
const nestedMs: number[] = [];
const keysMs: number[] = [];
for (let i = 0; i < rounds; i += 1) {
  nestedMs.push(await timed(() => post(`${baton.url}/api/ops/policy/check`, { yaml: nested }, token)));
  keysMs.push(await timed(() => post(`${baton.url}/api/ops/policy/check`, { yaml: keys }, token)));
}

const defaults = JSON.parse(
  await (
    await fetch(`${baton.url}/api/planner/defaults`, { headers: { authorization: `Bearer ${token}` } })
  ).text(),
);
const large = defaults.scenarios.at(-1).input;
const plan = post(
  `${baton.url}/api/planner/plan`,
  {
    input: {
      ...large,
      channels: large.channels.map((c: { kind: string }) =>
        c.kind === 'live' ? { ...c, patienceSeconds: 120 } : c,
      ),
    },
  },
  token,
);
const duringPlan: number[] = [];
let planDone = false;
const planMs = timed(() =>
  plan.then(() => {
    planDone = true;
  }),
);
while (!planDone) duringPlan.push(await timed(health));
const planTook = await planMs;

const row = (name: string, ms: number, base: number) =>
  `| ${name} | ${ms.toFixed(1)} | ${(ms / base).toFixed(2)} |`;
const baseHealth = median(healthMs);
process.stdout.write(
  [
    `rounds ${rounds}; median ms; ratio to the same run's median health check (${baseHealth.toFixed(1)} ms)`,
    '| request | median ms | × health |',
    '| --- | --- | --- |',
    row('sign-in, real account, wrong password', median(real), baseHealth),
    row('sign-in, unknown email', median(unknown), baseHealth),
    row('policy check, 10 KB nested brackets', median(nestedMs), baseHealth),
    row('policy check, 15,000 keys', median(keysMs), baseHealth),
    row('health check while a large Erlang A plan computes', median(duringPlan), baseHealth),
    `unknown ÷ real sign-in: ${(median(unknown) / median(real)).toFixed(2)}; the plan took ${planTook.toFixed(0)} ms over ${duringPlan.length} health checks`,
    '',
  ].join('\n'),
);
await baton.close();
process.exit(0);
