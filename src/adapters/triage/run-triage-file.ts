/** `baton triage`: streams JSONL conversations through the triage engine (SPEC §13). */

import { once } from 'node:events';
import { createReadStream, createWriteStream, type ReadStream, type WriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Answerer } from '../../core/ports/answerer.ts';
import {
  type CategoryModel,
  defaultPolicy,
  type EscalationPolicy,
  loadPolicy,
  policyCategoryDefinitions,
  triageConversation,
} from '../../core/triage/index.ts';
import type { LlmSettings } from '../ai/openai-compatible-answerer.ts';
import { createMemoryKnowledgeSearch, createRetrievalAnswerer } from '../ai/retrieval-answerer.ts';
import { textLineBatches } from '../jsonl/text-lines.ts';
import { maxArticleBytes, readKnowledgeFolder, toMemoryArticles } from '../knowledge/markdown-folder.ts';
import { articleParseCache } from './article-cache.ts';
import { readHistoryFile } from './history-file.ts';
import { createLineWriter } from './line-writer.ts';
import { cachedCategoryModel, defaultModelCacheFolder } from './model-cache.ts';
import { createTriageProgress } from './progress.ts';
import { parseTriageLine, triageOutput } from './triage-line.ts';

export interface TriageFileOptions {
  /** Input JSONL path, or `-` for standard input. */
  readonly in: string;
  /** Output JSONL path, or `-` for standard output. */
  readonly out: string;
  readonly policy?: string;
  readonly kb?: string;
  readonly history?: string;
  /** Folder of cached trained models and parsed articles (by content hash); null trains and parses every time. Default: the temp folder. */
  readonly modelCache?: string | null;
  /** The moment used for business hours and wait wording; now by default. */
  readonly now?: Date;
  /** A model to answer with (`--answerer llm`); the embedded answerer without it. */
  readonly llm?: LlmSettings | null;
}

export interface TriageEngine {
  readonly policy: EscalationPolicy;
  readonly categoryModel: CategoryModel;
  readonly answerer: Answerer;
}

export const defaultKnowledgeFolder = fileURLToPath(new URL('../../../demo/knowledge', import.meta.url));

/** Builds policy, category model and answerer from files, as `baton triage` does. */
export const buildTriageEngine = async (
  options: Pick<TriageFileOptions, 'policy' | 'kb' | 'history' | 'modelCache' | 'llm'>,
  log: (line: string) => void = () => {},
): Promise<TriageEngine> => {
  const policy = options.policy ? loadPolicy(await readFile(options.policy, 'utf8')) : defaultPolicy();
  const cacheFolder = options.modelCache === undefined ? defaultModelCacheFolder : options.modelCache;
  const articleCache = await articleParseCache(cacheFolder);
  const folder = await readKnowledgeFolder(
    options.kb ?? defaultKnowledgeFolder,
    Object.keys(policy.categories),
    maxArticleBytes,
    articleCache.parse,
  );
  await articleCache.save();
  for (const failure of folder.failures) {
    log(
      `knowledge: skipped ${failure.fileName}: ${failure.problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
    );
  }
  const history = options.history ? await readHistoryFile(options.history) : undefined;
  if (history) log(`history: learning from ${history.length} labelled conversations`);
  const { model: categoryModel } = await cachedCategoryModel(
    {
      categories: policyCategoryDefinitions(policy),
      articles: folder.articles.map((article) => ({
        title: article.title,
        body: article.body,
        category: article.category,
        tags: article.tags,
      })),
      ...(history ? { history } : {}),
    },
    cacheFolder,
  );
  const search = createMemoryKnowledgeSearch(toMemoryArticles(folder.articles));
  // The model client is loaded only when a model answers: the embedded answerer starts faster without it.
  const answerer = options.llm
    ? (await import('../ai/openai-compatible-answerer.ts')).createOpenAiCompatibleAnswerer({
        settings: options.llm,
        search,
        observe: (call) => {
          if (!call.ok)
            log(`model call failed (${call.fault}): ${call.message ?? ''}; the line says ai_unavailable`);
        },
      })
    : createRetrievalAnswerer(search);
  if (options.llm) log(`answering with the model ${options.llm.model} at ${options.llm.baseUrl}`);
  return { policy, categoryModel, answerer };
};

/** A file stream once its file is open; rejects with the open error (ENOENT, EACCES, …) instead. */
const opened = async <S extends ReadStream | WriteStream>(stream: S): Promise<S> => {
  await once(stream, 'open');
  return stream;
};

/** Streams `--in` to `--out`, one output line per input line, in order. Returns the error-line count. */
export const runTriageFile = async (
  options: TriageFileOptions,
): Promise<{ processed: number; errors: number }> => {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  // Both files are opened before the engine is built: a missing input or an output in a missing
  // folder is reported at once, as a failed command, and a missing input leaves no empty output.
  const input = options.in === '-' ? process.stdin : await opened(createReadStream(options.in));
  const output: Writable =
    options.out === '-' ? process.stdout : await opened(createWriteStream(options.out, 'utf8'));
  const engine = await buildTriageEngine(options, log);
  const progress = await createTriageProgress(process.stderr);
  const started = performance.now();
  const now = options.now ?? new Date();
  let processed = 0;
  let errors = 0;
  const writer = createLineWriter(output);
  for await (const lines of textLineBatches(input)) {
    for (const line of lines) {
      const parsed = parseTriageLine(line);
      if (parsed.kind === 'blank') continue;
      let record: Record<string, unknown>;
      if (parsed.kind === 'error') {
        record = { id: parsed.id, error: parsed.error };
        errors += 1;
      } else {
        try {
          // Named fields, not `{ ...engine, ... }`: in V8 that spread and the fields after it cost
          // microseconds per conversation, and give the core an object slow to read.
          const result = await triageConversation({
            policy: engine.policy,
            categoryModel: engine.categoryModel,
            answerer: engine.answerer,
            messages: parsed.messages,
            customer: parsed.customer,
            queue: parsed.queue,
            now,
          });
          record = triageOutput(parsed.id, result);
        } catch (error) {
          record = { id: parsed.id, error: error instanceof Error ? error.message : String(error) };
          errors += 1;
        }
      }
      if (writer.line(JSON.stringify(record))) await writer.flush();
      processed += 1;
      if (processed % 1000 === 0) progress.tick(processed);
    }
  }
  await writer.flush();
  if (output !== process.stdout)
    await new Promise<void>((resolve, reject) =>
      output.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  const cpu = process.cpuUsage();
  progress.finish(processed, errors, (performance.now() - started) / 1000, (cpu.user + cpu.system) / 1e6);
  return { processed, errors };
};
