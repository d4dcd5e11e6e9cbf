/**
 * `baton setup --workspace SLUG --name "Company" --admin-email EMAIL`: creates a company's workspace
 * and first admin without a browser. The password comes from BATON_ADMIN_PASSWORD or a prompt.
 * With the embedded database it refuses while a server holds the data folder (two processes would
 * corrupt it) and says how to go on.
 */
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import type { Command } from 'commander';
import { z } from 'zod';
import { emailSchema, newPasswordSchema, workspaceSlugSchema } from '../../api/company-schemas.ts';
import { lineText } from '../../api/text-fields.ts';
import { setUpWorkspace } from '../../app/company/set-up-workspace.ts';
import { isDomainError } from '../../core/errors.ts';
import type { Store } from '../../core/ports/store.ts';
import { loadCliConfig, openConfiguredStore } from '../configured-store.ts';

const headlessSetupSchema = z.object({
  workspace: workspaceSlugSchema,
  name: lineText(120).min(1, 'must not be empty'),
  adminEmail: emailSchema,
  adminName: lineText(120).min(1, 'must not be empty'),
  adminPassword: newPasswordSchema,
});
export type HeadlessSetup = z.input<typeof headlessSetupSchema>;

const optionNames: Record<string, string> = {
  workspace: '--workspace',
  name: '--name',
  adminEmail: '--admin-email',
  adminName: '--admin-name',
  adminPassword: 'the password (BATON_ADMIN_PASSWORD)',
};

/** Creates the workspace and admin; returns the exit code. Every problem is listed at once. */
export const runSetup = async (
  store: Store,
  input: HeadlessSetup,
  out: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> => {
  const parsed = headlessSetupSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      out.stderr.write(`${optionNames[field] ?? field}: ${issue.message}\n`);
    }
    return 1;
  }
  const setup = parsed.data;
  try {
    const { workspace, admin } = await setUpWorkspace(store, {
      slug: setup.workspace,
      name: setup.name,
      admin: { name: setup.adminName, email: setup.adminEmail, password: setup.adminPassword },
    });
    out.stdout.write(
      `Created workspace "${workspace.slug}" (${workspace.name}) with admin ${admin.email}.\n` +
        'Start Baton with `npx baton start` and sign in at /agent.\n',
    );
    return 0;
  } catch (error) {
    if (isDomainError(error) && error.code === 'conflict') {
      out.stderr.write(`${error.message} Pick another --workspace slug.\n`);
      return 1;
    }
    throw error;
  }
};

/** Asks for the password without echoing it. */
const askPassword = async (): Promise<string> => {
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  process.stdout.write('Password for the admin (not shown): ');
  const prompt = createInterface({ input: process.stdin, output: silent, terminal: true });
  try {
    return await prompt.question('');
  } finally {
    prompt.close();
    process.stdout.write('\n');
  }
};

export const registerSetupCommand = (program: Command): void => {
  program
    .command('setup')
    .description(
      'Create a workspace and its first admin without a browser (password: BATON_ADMIN_PASSWORD or a prompt)',
    )
    .requiredOption('--workspace <slug>', 'the workspace slug (lowercase letters, digits, hyphens)')
    .requiredOption('--name <company>', "the company's name")
    .requiredOption('--admin-email <email>', "the first admin's email (their sign-in)")
    .option('--admin-name <name>', "the first admin's name (default: the email's part before @)")
    .action(async (options: { workspace: string; name: string; adminEmail: string; adminName?: string }) => {
      const [config, { DataDirInUseError }] = await Promise.all([
        loadCliConfig(),
        import('../../adapters/store/data-dir-lock.ts'),
      ]);
      if (config.adminPassword === undefined && !process.stdin.isTTY) {
        process.stderr.write('Set BATON_ADMIN_PASSWORD, or run `baton setup` in a terminal to be asked.\n');
        process.exitCode = 1;
        return;
      }
      let store: Store;
      try {
        store = await openConfiguredStore(config);
      } catch (error) {
        if (!(error instanceof DataDirInUseError)) throw error;
        process.stderr.write(
          `A Baton server (process ${error.holder}) has the embedded database in ${error.folder} open, and two ` +
            'processes would corrupt it. Either open the set-up link that server printed, or stop it, run ' +
            '`baton setup` again, then start it.\n',
        );
        process.exitCode = 1;
        return;
      }
      try {
        process.exitCode = await runSetup(
          store,
          {
            workspace: options.workspace,
            name: options.name,
            adminEmail: options.adminEmail,
            adminName: options.adminName ?? options.adminEmail.split('@')[0] ?? options.adminEmail,
            adminPassword: config.adminPassword ?? (await askPassword()),
          },
          { stdout: process.stdout, stderr: process.stderr },
        );
      } finally {
        await store.close();
      }
    });
};
