import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';

/** The shipped default policy, comments and all, so a draft starts from the real thing. */
const defaultPolicyFile = new URL('../../core/triage/policy/default-policy.yaml', import.meta.url);

/** `baton policy --default`: prints the shipped default escalation policy as YAML (SPEC §13). */
export const registerPolicyCommand = (program: Command): void => {
  program
    .command('policy')
    .description('Escalation policy documents: `--default` prints the shipped default policy as YAML')
    .option(
      '--default',
      'print the shipped default policy (start a draft from it: baton policy --default > draft.yaml)',
    )
    .action(async (options: { default?: boolean }) => {
      if (!options.default) {
        process.stderr.write('baton policy: say what to print: `baton policy --default > draft.yaml`\n');
        process.exitCode = 2;
        return;
      }
      process.stdout.write(await readFile(defaultPolicyFile, 'utf8'));
    });
};
