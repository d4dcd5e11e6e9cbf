import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { type HandoffLintResult, lintHandoffMessage, lintHandoffTemplate } from '../../core/handoff/index.ts';

const readInput = async (file: string | undefined): Promise<string> => {
  if (file !== undefined && file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
};

const report = (result: HandoffLintResult): void => {
  if (result.ok) {
    process.stdout.write('ok\n');
    for (const note of result.notes) process.stdout.write(`note: ${note}\n`);
    return;
  }
  process.stdout.write(`missing: ${result.missing.join(', ')}\n`);
  for (const note of result.notes) process.stdout.write(`- ${note}\n`);
  process.exitCode = 1;
};

/** `baton lint-handoff [FILE]`: checks a handoff message (or, with --template, a template) for its three parts. */
export const registerLintHandoffCommand = (program: Command): void => {
  program
    .command('lint-handoff')
    .description(
      'Check a handoff message for its three parts (the question, what was checked and why, what happens next); exit 1 naming what is missing',
    )
    .argument('[file]', 'message file; reads stdin when absent or "-"')
    .option('--template', 'check a message template (placeholders) instead of a finished message')
    .action(async (file: string | undefined, options: { template?: boolean }) => {
      let text: string;
      try {
        text = await readInput(file);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        process.stderr.write(`baton lint-handoff: cannot read ${file ?? 'stdin'}: ${reason}\n`);
        process.exitCode = 2;
        return;
      }
      report(options.template ? lintHandoffTemplate(text) : lintHandoffMessage(text));
    });
};
