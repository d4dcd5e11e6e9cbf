/** The Answerer contract on both implementations: embedded retrieval, and the OpenAI-compatible provider against a fake server over real HTTP. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../../../test/support/fake-openai-server.ts';
import type { Article } from '../../core/model.ts';
import { readKnowledgeFolder, toMemoryArticles } from '../knowledge/markdown-folder.ts';
import { answererContract } from './answerer.contract.ts';
import { createOpenAiCompatibleAnswerer } from './openai-compatible-answerer.ts';
import { createMemoryKnowledgeSearch, createRetrievalAnswerer } from './retrieval-answerer.ts';

const demoKnowledge = resolve(dirname(fileURLToPath(import.meta.url)), '../../../demo/knowledge');
let articles: Article[] = [];
let fake: FakeOpenAiServer;

beforeAll(async () => {
  articles = toMemoryArticles((await readKnowledgeFolder(demoKnowledge)).articles);
  fake = await startFakeOpenAiServer({ apiKey: 'sk-test-key' });
});
afterAll(() => fake?.close());

answererContract('embedded retrieval', () => ({
  answerer: createRetrievalAnswerer(createMemoryKnowledgeSearch(articles)),
  modelRequests: () => 0,
}));

answererContract('OpenAI-compatible provider', () => ({
  answerer: createOpenAiCompatibleAnswerer({
    settings: {
      baseUrl: fake.baseUrl,
      apiKey: 'sk-test-key',
      model: 'fake-model',
      timeoutMs: 5000,
      maxRetries: 1,
      prices: { inputPerMillion: 0.15, outputPerMillion: 0.6 },
    },
    search: createMemoryKnowledgeSearch(articles),
  }),
  modelRequests: () => fake.requests.length,
}));
