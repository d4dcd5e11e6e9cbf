#!/usr/bin/env node
// Entry point for `npx baton <command>`. `baton triage` runs the compiled bundle of the CLI (built
// on first use, see compiled-cli.js); every other command, or triage when no bundle can be built,
// registers the TypeScript loader and runs the sources directly.
const argv = process.argv.slice(2);
const compiled = argv[0] === 'triage' ? await (await import('./compiled-cli.js')).compiledMain() : null;
if (compiled) {
  await compiled(argv);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/cli/main.ts');
  await main(argv);
}
