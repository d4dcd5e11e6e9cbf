import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const baton = (...args: string[]) => {
  const run = spawnSync(process.execPath, ['bin/baton.js', 'erlang', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};
const interval = [
  '--calls',
  '100',
  '--interval-seconds',
  '1800',
  '--aht-seconds',
  '180',
  '--target-seconds',
  '20',
];

describe('baton erlang', () => {
  it('prints the smallest team meeting the service level and occupancy cap as JSON', () => {
    const run = baton(...interval, '--service-level', '0.8', '--max-occupancy', '0.7');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.agents).toBe(15); // 14 agents meet 80/20 but run at 71% occupancy
    expect(out.occupancy).toBeCloseTo(10 / 15, 12);
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining(['agents', 'serviceLevel', 'asaSeconds', 'occupancy', 'probabilityOfWait']),
    );
    expect(out).not.toHaveProperty('probabilityOfAbandon');
  });

  it('prints the figures for exactly --agents N, with abandonment under --patience-seconds', () => {
    const run = baton(...interval, '--agents', '14', '--patience-seconds', '300');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.agents).toBe(14);
    expect(out.probabilityOfAbandon).toBeGreaterThan(0);
    expect(out.serviceLevel).toBeGreaterThan(0.88835); // impatient customers shorten the queue
  });

  it('lets concurrent chats stretch each agent further', () => {
    const single = JSON.parse(baton(...interval, '--service-level', '0.8').stdout);
    const double = JSON.parse(baton(...interval, '--service-level', '0.8', '--concurrency', '2').stdout);
    expect(double.agents).toBeLessThan(single.agents);
  });

  it.each([
    [['--service-level', '1.5'], '--service-level'],
    [['--service-level', '0.8', '--agents', '3'], 'exactly one'],
    [['--agents', 'ten'], '--agents'],
    [['--service-level', '0.8', '--no-such-flag'], 'unknown option'],
  ])('rejects bad arguments %j with a message and exit code 2', (extra, says) => {
    const run = baton(...interval, ...extra);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(says);
    expect(run.stdout).toBe('');
  });

  it('names missing options', () => {
    const run = baton('--calls', '5', '--service-level', '0.8');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--interval-seconds');
  });
});
