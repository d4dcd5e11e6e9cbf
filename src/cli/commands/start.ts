import type { Command } from 'commander';

export const registerStartCommand = (program: Command): void => {
  program
    .command('start')
    .description('Run the Baton server and web app (embedded PostgreSQL unless DATABASE_URL is set)')
    .option('--no-demo', 'on an empty database, print a one-time set-up link instead of loading the demo')
    .action(async (options: { demo: boolean }) => {
      const { startBaton } = await import('../../server/start.ts');
      await startBaton({ demo: options.demo ? 'first-start' : 'never' });
    });
  program
    .command('demo')
    .description('Run Baton with the Acme demo company (created if missing) and its mock account service')
    .action(async () => {
      const { startBaton } = await import('../../server/start.ts');
      await startBaton({ demo: 'always' });
    });
};
