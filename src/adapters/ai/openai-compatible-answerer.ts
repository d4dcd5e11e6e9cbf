/**
 * The OpenAI-compatible answerer (SPEC §3, issue 11): any chat-completions endpoint — OpenAI, a
 * gateway, Ollama, vLLM, llama.cpp — through the official `openai` client. It retrieves the
 * best articles like the embedded answerer, gives them and the customer's lookup results to the
 * model as numbered sources, offers the lookups as tools, streams the reply, and returns the
 * draft with what it cites. Every call has one deadline (an AbortSignal); retries are bounded by
 * the client's `maxRetries` inside that deadline. Any failure throws an AnswererFault, which the
 * turn hands over as `ai_unavailable`. The core checks the draft's grounding; this adapter
 * never decides whether an answer is sent.
 */
import OpenAI from 'openai';
import { groundingIndex, lookupSourceText, repeatsAny } from '../../core/grounding/index.ts';
import { answerConfidence } from '../../core/knowledge/answer-composer.ts';
import type { Article } from '../../core/model.ts';
import {
  type Answerer,
  AnswererFault,
  type AnswerRequest,
  type AnswerSource,
  type AnswerUsage,
  type DraftAnswer,
} from '../../core/ports/answerer.ts';
import { declined, readCitations } from './llm/llm-citations.ts';
import { createDeltaGate } from './llm/llm-delta-gate.ts';
import { toFault } from './llm/llm-faults.ts';
import {
  articleSource,
  type ChatMessage,
  lookupSource,
  type PromptSource,
  promptMessages,
  renderSource,
  systemPrompt,
} from './llm/llm-prompt.ts';
import { readStream } from './llm/llm-stream.ts';
import { readToolCall, toolDefinitions } from './llm/llm-tools.ts';
import { articleSourceText, createArticleRanker, type KnowledgeSearch } from './retrieval-answerer.ts';

export interface LlmSettings {
  readonly baseUrl: string;
  /** Null for endpoints that need none (a local Ollama). */
  readonly apiKey: string | null;
  readonly model: string;
  /** The whole draft — every request, retry and tool round — must finish within this. */
  readonly timeoutMs: number;
  /** Retries of one request after a connection error, 408/409/429 or 5xx (the client's own backoff). */
  readonly maxRetries: number;
  /** US dollars per million prompt / completion tokens; null when unknown (cost is then not computed). */
  readonly prices: { readonly inputPerMillion: number; readonly outputPerMillion: number } | null;
}

/** One finished draft, for logs and counters: whether it worked, how long it took, what it cost. */
export interface LlmCallRecord {
  readonly model: string;
  readonly ok: boolean;
  readonly fault: string | null;
  readonly message: string | null;
  readonly usage: AnswerUsage;
}

/** How many articles the model sees, best first. */
const articlesOffered = 3;
/** Tool rounds before the model must answer; more is a fault (a model stuck calling tools). */
const maxToolRounds = 3;

/** A prompt message in the client's own type (its arrays are mutable). */
const toParam = (message: ChatMessage): OpenAI.ChatCompletionMessageParam =>
  message.role === 'assistant'
    ? {
        role: 'assistant',
        content: message.content,
        ...(message.tool_calls
          ? { tool_calls: message.tool_calls.map((call) => ({ ...call, function: { ...call.function } })) }
          : {}),
      }
    : { ...message };

const citationOf = (article: Article) => ({
  articleId: article.id,
  slug: article.slug,
  title: article.title,
});

export const createOpenAiCompatibleAnswerer = (deps: {
  readonly settings: LlmSettings;
  readonly search: KnowledgeSearch;
  readonly observe?: (record: LlmCallRecord) => void;
}): Answerer => {
  const { settings } = deps;
  const client = new OpenAI({
    baseURL: settings.baseUrl,
    // The client insists on a key; local servers ignore whatever is sent.
    apiKey: settings.apiKey ?? 'not-needed',
    maxRetries: settings.maxRetries,
    timeout: settings.timeoutMs,
  });
  const rank = createArticleRanker(deps.search);

  const usageOf = (started: number, requests: number, prompt: number, completion: number): AnswerUsage => ({
    model: settings.model,
    requests,
    promptTokens: prompt,
    completionTokens: completion,
    costUsd: settings.prices
      ? Math.round(
          ((prompt * settings.prices.inputPerMillion + completion * settings.prices.outputPerMillion) / 1e6) *
            1e6,
        ) / 1e6
      : null,
    latencyMs: Math.round(performance.now() - started),
  });

  return {
    async retrieve(request) {
      const { tried, confidence } = await rank(request.question);
      return { tried, confidence };
    },

    async draft(request: AnswerRequest): Promise<DraftAnswer> {
      const started = performance.now();
      const deadline = AbortSignal.timeout(settings.timeoutMs);
      const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
      const ranked = await rank(request.question);
      const articles = ranked.composed.ranking.ranked.slice(0, articlesOffered);
      const sources: PromptSource[] = [
        ...articles.map((relevance, i) =>
          articleSource(i + 1, relevance.document, articleSourceText(relevance.document)),
        ),
        ...(request.lookups ?? []).map((lookup, i) => lookupSource(articles.length + i + 1, lookup)),
      ];
      const offered = request.tools?.available ?? [];
      const messages: ChatMessage[] = promptMessages({
        question: request.question,
        transcript: request.transcript,
        sources,
        customerName: request.customer?.name ?? null,
      });
      const gate = createDeltaGate(request.onDelta, () =>
        groundingIndex(
          sources.map((source) => (source.kind === 'lookup' ? lookupSourceText(source.lookup) : source.text)),
        ),
      );
      let requests = 0;
      let prompt = 0;
      let completion = 0;
      const observe = (fault: AnswererFault | null) =>
        deps.observe?.({
          model: settings.model,
          ok: fault === null,
          fault: fault?.kind ?? null,
          message: fault?.message ?? null,
          usage: usageOf(started, requests, prompt, completion),
        });
      try {
        for (let round = 0; ; round += 1) {
          requests += 1;
          const stream = await client.chat.completions.create(
            {
              model: settings.model,
              messages: messages.map(toParam),
              stream: true,
              stream_options: { include_usage: true },
              temperature: 0,
              ...(offered.length > 0 && request.tools ? { tools: toolDefinitions(offered) } : {}),
            },
            { signal },
          );
          const reply = await readStream(stream, (piece) => gate.push(piece));
          prompt += reply.promptTokens;
          completion += reply.completionTokens;
          if (reply.toolCalls.length === 0) {
            if (reply.text.trim() === '')
              throw new AnswererFault('empty_output', 'the model returned no text');
            gate.end();
            const draft = finish(reply.text, sources, ranked, usageOf(started, requests, prompt, completion));
            observe(null);
            return draft;
          }
          if (round >= maxToolRounds || !request.tools)
            throw new AnswererFault(
              'too_many_tool_calls',
              `the model kept calling tools after ${maxToolRounds} rounds`,
            );
          messages.push({
            role: 'assistant',
            content: reply.text === '' ? null : reply.text,
            tool_calls: reply.toolCalls.map((call) => ({
              id: call.id,
              type: 'function',
              function: { name: call.name, arguments: call.arguments },
            })),
          });
          for (const call of reply.toolCalls) {
            const { tool, inputs } = readToolCall(offered, call);
            const outcome = await request.tools.call(tool.name, inputs);
            const source = lookupSource(sources.length + 1, outcome);
            sources.push(source);
            messages.push({ role: 'tool', tool_call_id: call.id, content: renderSource(source) });
          }
          signal.throwIfAborted();
        }
      } catch (error) {
        const fault = toFault(error, {
          deadlineMs: settings.timeoutMs,
          timedOut: signal.aborted,
          apiKey: settings.apiKey,
          usage: usageOf(started, requests, prompt, completion),
        });
        observe(fault);
        throw fault;
      }
    },
  };
};

/** The model's final text as a draft: declined, or the cited sources with the text they back. */
const finish = (
  raw: string,
  sources: readonly PromptSource[],
  ranked: Awaited<ReturnType<ReturnType<typeof createArticleRanker>>>,
  usage: AnswerUsage,
): DraftAnswer => {
  const { tried, confidence: retrieval, composed } = ranked;
  const why = declined(raw);
  if (why !== null)
    return {
      kind: 'no_answer',
      reason: `The model found no answer in the sources: ${why}`,
      confidence: retrieval,
      tried,
      usage,
    };
  const { text, cited } = readCitations(raw);
  if (repeatsAny(text, [systemPrompt]))
    return {
      kind: 'no_answer',
      reason: 'The draft repeated the model’s instructions.',
      confidence: retrieval,
      tried,
      draft: text,
      usage,
    };
  const used = sources.filter((source) => cited.includes(source.n));
  const citedArticles = used.flatMap((source) => (source.kind === 'article' ? [source.article] : []));
  const answerSources: AnswerSource[] = used.map((source) =>
    source.kind === 'article'
      ? { kind: 'article', articleId: source.article.id, text: source.text }
      : { kind: 'lookup', name: source.lookup.name },
  );
  // Retrieval evidence for the best article the answer cites, judged against the whole ranking.
  const evidence = Math.max(
    0,
    ...citedArticles.map((article) => {
      const relevance = composed.ranking.ranked.find((r) => r.document.id === article.id);
      return relevance ? answerConfidence(composed.ranking, relevance) : 0;
    }),
  );
  return {
    kind: 'answer',
    text,
    citations: [...new Map(citedArticles.map((article) => [article.id, citationOf(article)])).values()],
    sources: answerSources,
    confidence: Math.round(evidence * 1000) / 1000,
    tried,
    usage,
  };
};
