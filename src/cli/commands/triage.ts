import type { Command } from 'commander';

interface TriageCommandOptions {
  readonly in: string;
  readonly out: string;
  readonly policy?: string;
  readonly kb?: string;
  readonly history?: string;
  /** A folder, or false with --no-model-cache. */
  readonly modelCache?: string | boolean;
  readonly answerer?: string;
}

export const registerTriageCommand = (program: Command): void => {
  program
    .command('triage')
    .description(
      'Triage conversations from a JSONL file without storing them (signals, category, decision, handoff)',
    )
    .requiredOption('--in <file>', 'input JSONL, one conversation per line ("-" for stdin)')
    .requiredOption(
      '--out <file>',
      'output JSONL, one result per input line in the same order ("-" for stdout)',
    )
    .option('--policy <file>', 'escalation policy (YAML or JSON) instead of the built-in default')
    .option('--kb <dir>', 'knowledge base folder of Markdown articles (default: the demo knowledge base)')
    .option(
      '--history <file>',
      'labelled conversations (label.category) the category model learns from first',
    )
    .option(
      '--model-cache <dir>',
      'folder for trained category models and parsed knowledge articles, reused by content hash',
    )
    .option('--no-model-cache', 'train the category model every run instead of reading a cached one')
    .option(
      '--answerer <kind>',
      'embedded or llm (the model of BATON_LLM_BASE_URL / BATON_LLM_MODEL); default: llm when BATON_LLM_BASE_URL is set',
    )
    .action(async (options: TriageCommandOptions) => {
      const { runTriageFile } = await import('../../adapters/triage/run-triage-file.ts');
      const { isDomainError } = await import('../../core/errors.ts');
      const { modelCache, ...files } = options;
      try {
        const { chooseTriageAnswerer } = await import('./triage-answerer.ts');
        await runTriageFile({
          ...files,
          llm: chooseTriageAnswerer(options.answerer),
          ...(modelCache === false
            ? { modelCache: null }
            : typeof modelCache === 'string'
              ? { modelCache }
              : {}),
        });
      } catch (error) {
        if (!isDomainError(error) && !(error instanceof Error && 'code' in error)) throw error;
        process.stderr.write(`baton triage: ${error.message}\n`);
        process.exitCode = 1;
      }
    });
};
