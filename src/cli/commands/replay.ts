/**
 * `baton replay --in FILE.jsonl --out FILE.jsonl [--report FILE.json] [--policy F] [--kb DIR]`
 * (SPEC §13): every conversation of the file through the store and the live turn engine, in a
 * throw-away embedded database on the file's own clock; one output line per input line and the
 * §9 report as of the end of the replayed time (the last write plus the quiet window).
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parseReplayLine, type ReplayOutput, replayOutput } from '../../adapters/replay/replay-line.ts';
import { replayConversation } from '../../app/replay/replay-conversation.ts';
import { replayedFacts, replayReport } from '../../app/replay/replay-desk.ts';
import type { MetricsReport } from '../../core/metrics/index.ts';
import { openReplayWorkspace } from '../replay-workspace.ts';

export interface ReplayFileOptions {
  readonly in: string;
  readonly out: string;
  readonly report?: string | undefined;
  readonly policy?: string | undefined;
  readonly kb?: string | undefined;
}

type OutputLine = ReplayOutput | { readonly id: string | number | null; readonly error: string };

const readInput = async (path: string): Promise<string> =>
  path === '-' ? new Response(process.stdin as unknown as ReadableStream).text() : readFile(path, 'utf8');

/** Replays the file; returns the output lines, the report and how many lines were malformed. */
export const replayFile = async (
  options: ReplayFileOptions,
): Promise<{ lines: OutputLine[]; report: MetricsReport; errors: number }> => {
  const { openStore } = await import('../../adapters/store/open-store.ts');
  const store = await openStore({ memory: true });
  try {
    const { workspace, desk } = await openReplayWorkspace(store, options);
    const parsed = (await readInput(options.in)).split('\n').map(parseReplayLine);
    const stored: (string | null)[] = [];
    const inputIds = new Map<string, string | number>();
    const customerIds = new Set<string>();
    let end = 0;
    for (const line of parsed) {
      if (line.kind !== 'conversation') {
        stored.push(null);
        continue;
      }
      const { conversationId, customerId } = await replayConversation(desk, line.line);
      stored.push(conversationId);
      customerIds.add(customerId);
      inputIds.set(conversationId, line.line.id);
      end = Math.max(end, ...line.line.messages.map((m) => Date.parse(m.at)));
    }
    const facts = await replayedFacts(store, workspace.id, [...customerIds]);
    const lines: OutputLine[] = [];
    parsed.forEach((line, index) => {
      if (line.kind === 'blank') return;
      if (line.kind === 'error') {
        lines.push({ id: line.id, error: line.error });
        return;
      }
      const row = facts.get(stored[index] ?? '');
      if (row) lines.push(replayOutput(line.line, row, (id) => inputIds.get(id) ?? null));
      else lines.push({ id: line.line.id, error: 'the conversation was not stored' });
    });
    // The end of the replayed time: every quiet conversation has had its window, and is over 24 h old.
    const asOf = new Date(end + desk.assumedResolutionMs + 24 * 3600_000);
    const report = await replayReport(store, workspace.id, asOf);
    return { lines, report, errors: lines.filter((line) => 'error' in line).length };
  } finally {
    await store.close();
  }
};

const write = async (path: string, text: string): Promise<void> => {
  if (path === '-') process.stdout.write(text);
  else await writeFile(path, text);
};

export const registerReplayCommand = (program: Command): void => {
  program
    .command('replay')
    .description(
      'Replay conversations with known outcomes through the store and the AI in a throw-away workspace, then report the §9 metrics',
    )
    .requiredOption('--in <file>', 'input JSONL, one conversation per line ("-" for stdin)')
    .requiredOption(
      '--out <file>',
      'output JSONL, one result per input line in the same order ("-" for stdout)',
    )
    .option('--report <file>', 'write the §9 report as one JSON object to this file ("-" for stdout)')
    .option('--policy <file>', 'escalation policy (YAML or JSON) instead of the demo policy')
    .option('--kb <dir>', 'knowledge base folder of Markdown articles (default: the demo knowledge base)')
    .action(async (options: ReplayFileOptions) => {
      try {
        const { lines, report, errors } = await replayFile(options);
        await write(options.out, lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
        if (options.report) await write(options.report, `${JSON.stringify(report, null, 2)}\n`);
        process.stderr.write(`replay: ${lines.length} conversations, ${errors} error lines\n`);
      } catch (error) {
        if (!(error instanceof Error) || !('code' in error || error.name === 'DomainError')) throw error;
        process.stderr.write(`baton replay: ${error.message}\n`);
        process.exitCode = 1;
      }
    });
};
