/**
 * Where the machine's CPU went during the measured run (Linux /proc; zeros elsewhere): how busy all
 * cores were, and the PostgreSQL server's processes' share, so a closed-loop figure says whether
 * the server, the database or the simulated customers used up the cores.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

const TICKS_PER_SECOND = 100;

/** All cores' busy and total ticks since boot. */
const machineTicks = (): { busy: number; total: number } => {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    const total = fields.reduce((sum, value) => sum + value, 0);
    return { busy: total - idle, total };
  } catch {
    return { busy: 0, total: 0 };
  }
};

/** CPU ticks (user + system) used so far by each process whose command is `postgres`, by pid. */
const postgresTicks = (): Map<string, number> => {
  const ticks = new Map<string, number>();
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return ticks;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue;
      const rest = stat.slice(close + 2).split(' ');
      ticks.set(pid, Number(rest[11] ?? 0) + Number(rest[12] ?? 0));
    } catch {
      // The process ended between listing and reading.
    }
  }
  return ticks;
};

/**
 * What the processes alive at the end used since the start (a backend that started meanwhile from
 * zero). A backend that ended during the run takes its ticks with it: a slight undercount.
 */
const postgresTicksSince = (before: ReadonlyMap<string, number>): number => {
  let used = 0;
  for (const [pid, now] of postgresTicks()) used += now - Math.min(now, before.get(pid) ?? 0);
  return used;
};

export interface MachineCpu {
  /** Share of all cores busy over the run (1 = every core busy all the time). */
  readonly machineBusy: number;
  readonly cores: number;
  /** PostgreSQL server processes' CPU milliseconds (PGlite runs inside the server: 0). */
  readonly postgresCpuMs: number;
}

export const startMachineCpu = () => {
  const machine = machineTicks();
  const postgres = postgresTicks();
  return (): MachineCpu => {
    const after = machineTicks();
    const total = after.total - machine.total;
    return {
      machineBusy: total > 0 ? (after.busy - machine.busy) / total : 0,
      cores: cpus().length,
      postgresCpuMs: (postgresTicksSince(postgres) / TICKS_PER_SECOND) * 1000,
    };
  };
};
