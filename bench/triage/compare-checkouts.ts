/**
 * Per-conversation triage cost of two checkouts, measured in one process: the engine of an older
 * checkout (`--base DIR`, e.g. `git archive <commit> | tar -x -C DIR` with node_modules linked in)
 * and this one's take turns on blocks of the same conversations, so both see the same machine load.
 * On a machine shared with other work a whole-process CPU time varies by ±15% from run to run;
 * alternating blocks in one process cancels most of that out. Start-up and file writing are not
 * counted (the whole-process figure is `run.ts`'s).
 *
 *   npx tsx bench/triage/compare-checkouts.ts --base DIR [--data FILE] [--block N]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as RunModule from '../../src/adapters/triage/run-triage-file.ts';
import type * as LineModule from '../../src/adapters/triage/triage-line.ts';
import type * as CoreModule from '../../src/core/triage/index.ts';

const argument = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const here = resolve(fileURLToPath(new URL('../../', import.meta.url)));
const baseRoot = argument('--base');
if (!baseRoot) throw new Error('--base DIR: a checkout of the commit to compare with');
const data = argument('--data') ?? join(here, '../shared/data/triage/dev.jsonl');
const block = Number(argument('--block') ?? 1000);

interface Checkout {
  readonly name: string;
  readonly engine: RunModule.TriageEngine;
  readonly core: typeof CoreModule;
  readonly line: typeof LineModule;
}

const load = async (name: string, root: string): Promise<Checkout> => {
  const from = (path: string) => pathToFileURL(join(root, path)).href;
  const run: typeof RunModule = await import(from('src/adapters/triage/run-triage-file.ts'));
  const core: typeof CoreModule = await import(from('src/core/triage/index.ts'));
  const line: typeof LineModule = await import(from('src/adapters/triage/triage-line.ts'));
  return { name, engine: await run.buildTriageEngine({}), core, line };
};

const checkouts = [await load('base', resolve(baseRoot)), await load('this checkout', here)];
const lines = readFileSync(data, 'utf8')
  .split('\n')
  .filter((text) => text.trim() !== '');
const now = new Date('2026-12-05T12:00:00Z');
const cpuSeconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

/** Triages and serialises one block as `baton triage` does; returns the output's length. */
const triageBlock = async (checkout: Checkout, block: readonly string[]): Promise<number> => {
  let length = 0;
  for (const raw of block) {
    const parsed = checkout.line.parseTriageLine(raw);
    if (parsed.kind !== 'conversation') continue;
    const result = await checkout.core.triageConversation({
      ...checkout.engine,
      messages: parsed.messages,
      customer: parsed.customer,
      queue: parsed.queue,
      now,
    });
    length += JSON.stringify(checkout.line.triageOutput(parsed.id, result)).length;
  }
  return length;
};

// The first pass warms both engines up (JIT, caches); the second is measured.
const seconds = new Map<string, number>();
const bytes = new Map<string, number>();
for (let pass = 0; pass < 2; pass += 1) {
  for (let start = 0; start < lines.length; start += block) {
    const order = (start / block) % 2 === 0 ? checkouts : [...checkouts].reverse();
    for (const checkout of order) {
      const before = cpuSeconds();
      const length = await triageBlock(checkout, lines.slice(start, start + block));
      if (pass === 0) continue;
      seconds.set(checkout.name, (seconds.get(checkout.name) ?? 0) + cpuSeconds() - before);
      bytes.set(checkout.name, (bytes.get(checkout.name) ?? 0) + length);
    }
  }
}
const base = seconds.get('base') ?? Number.NaN;
for (const checkout of checkouts) {
  const spent = seconds.get(checkout.name) ?? Number.NaN;
  console.log(
    `${checkout.name}: ${spent.toFixed(2)} CPU s for ${lines.length} conversations (${Math.round(lines.length / spent)} per CPU-second, ${(spent / base).toFixed(3)}× base), ${bytes.get(checkout.name)} output characters`,
  );
}
