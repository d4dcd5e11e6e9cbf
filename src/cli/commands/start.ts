import type { Command } from 'commander';

export const registerStartCommand = (program: Command): void => {
  program
    .command('start')
    .description('Run the Baton server and web app (embedded PostgreSQL unless DATABASE_URL is set)')
    .option('--no-demo', 'do not load the demo company on first start')
    .action(async (options: { demo: boolean }) => {
      const { startBaton } = await import('../../server/start.ts');
      await startBaton({ loadDemo: options.demo });
    });
};
