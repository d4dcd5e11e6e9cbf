/**
 * "Test connection" for the LLM settings page: one tiny chat completion to the endpoint with the
 * given model and key, no retries, a short deadline. It says whether the model answered and, if
 * not, why in the same words a failed turn would (the key never appears in them).
 */
import OpenAI from 'openai';
import type { AnswerUsage } from '../../../core/ports/answerer.ts';
import { toFault } from './llm-faults.ts';

export interface LlmEndpoint {
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKey: string | null;
}

export interface LlmConnectionResult {
  readonly ok: boolean;
  readonly latencyMs: number;
  /** What happened, for people: the model's first words, or why it failed. */
  readonly message: string;
}

const CHECK_TIMEOUT_MS = 10_000;
const noUsage = (model: string): AnswerUsage => ({
  model,
  requests: 1,
  promptTokens: 0,
  completionTokens: 0,
  costUsd: null,
  latencyMs: 0,
});

export const checkLlmConnection = async (endpoint: LlmEndpoint): Promise<LlmConnectionResult> => {
  const started = performance.now();
  const client = new OpenAI({
    baseURL: endpoint.baseUrl,
    apiKey: endpoint.apiKey ?? 'not-needed',
    maxRetries: 0,
    timeout: CHECK_TIMEOUT_MS,
  });
  const deadline = AbortSignal.timeout(CHECK_TIMEOUT_MS);
  try {
    const stream = await client.chat.completions.create(
      {
        model: endpoint.model,
        messages: [{ role: 'user', content: 'Connection check from Baton: reply with the word OK.' }],
        max_tokens: 5,
        stream: true,
      },
      { signal: deadline },
    );
    let reply = '';
    for await (const chunk of stream) reply += chunk.choices[0]?.delta?.content ?? '';
    const latencyMs = Math.round(performance.now() - started);
    const said = reply.trim().slice(0, 80);
    return {
      ok: true,
      latencyMs,
      message: said
        ? `${endpoint.model} answered in ${latencyMs} ms: "${said}"`
        : `${endpoint.model} answered in ${latencyMs} ms`,
    };
  } catch (error) {
    const fault = toFault(error, {
      deadlineMs: CHECK_TIMEOUT_MS,
      timedOut: deadline.aborted,
      apiKey: endpoint.apiKey,
      usage: noUsage(endpoint.model),
    });
    // The turn's wording names the environment settings; here the form's fields are what to check.
    const message = fault.message
      .replace('check BATON_LLM_API_KEY', 'check the API key')
      .replace('check BATON_LLM_MODEL and BATON_LLM_BASE_URL', 'check the model and the endpoint URL');
    return { ok: false, latencyMs: Math.round(performance.now() - started), message };
  }
};
