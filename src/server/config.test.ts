import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('LLM settings in the configuration', () => {
  it('uses the embedded answerer when no endpoint is set', () => {
    expect(loadConfig({}).llm).toBeNull();
  });

  it('reads an OpenAI-compatible endpoint with its defaults', () => {
    const { llm } = loadConfig({
      BATON_LLM_BASE_URL: 'http://127.0.0.1:11434/v1',
      BATON_LLM_MODEL: 'llama3.1',
    });
    expect(llm).toEqual({
      baseUrl: 'http://127.0.0.1:11434/v1',
      apiKey: null,
      model: 'llama3.1',
      timeoutMs: 15_000,
      maxRetries: 1,
      prices: null,
    });
  });

  it('reads the key, the deadline, the retries and the prices', () => {
    const { llm } = loadConfig({
      BATON_LLM_BASE_URL: 'https://api.openai.com/v1',
      BATON_LLM_MODEL: 'gpt-4o-mini',
      BATON_LLM_API_KEY: 'sk-test',
      BATON_LLM_TIMEOUT_MS: '8000',
      BATON_LLM_MAX_RETRIES: '2',
      BATON_LLM_PRICE_INPUT_PER_MTOK: '0.15',
      BATON_LLM_PRICE_OUTPUT_PER_MTOK: '0.6',
    });
    expect(llm).toMatchObject({
      apiKey: 'sk-test',
      timeoutMs: 8000,
      maxRetries: 2,
      prices: { inputPerMillion: 0.15, outputPerMillion: 0.6 },
    });
  });

  it('names every problem: a missing model, a bad URL, a deadline over the turn limit', () => {
    expect(() => loadConfig({ BATON_LLM_BASE_URL: 'http://127.0.0.1:11434/v1' })).toThrow(/BATON_LLM_MODEL/);
    const problems = (() => {
      try {
        loadConfig({ BATON_LLM_BASE_URL: 'not a url', BATON_LLM_TIMEOUT_MS: '60000' });
        return '';
      } catch (error) {
        return error instanceof ConfigError ? error.problems.join('\n') : String(error);
      }
    })();
    expect(problems).toMatch(/BATON_LLM_BASE_URL/);
    expect(problems).toMatch(/BATON_LLM_TIMEOUT_MS/);
  });
});

describe('AI turn concurrency in the configuration', () => {
  it('runs 32 turns at once unless told otherwise, and refuses nonsense naming the variable', () => {
    expect(loadConfig({}).aiTurnConcurrency).toBe(32);
    expect(loadConfig({ BATON_AI_TURN_CONCURRENCY: '4' }).aiTurnConcurrency).toBe(4);
    for (const value of ['0', '-1', '2.5', 'many', '1000']) {
      expect(() => loadConfig({ BATON_AI_TURN_CONCURRENCY: value })).toThrow(/BATON_AI_TURN_CONCURRENCY/);
    }
  });
});

describe('webhook log retention in the configuration', () => {
  it('keeps the delivery log 30 days unless told otherwise, and refuses nonsense naming the variable', () => {
    expect(loadConfig({}).webhooks.logDays).toBe(30);
    expect(loadConfig({ BATON_WEBHOOK_LOG_DAYS: '90' }).webhooks.logDays).toBe(90);
    for (const value of ['0', '-3', '1.5', 'forever', '100000']) {
      expect(() => loadConfig({ BATON_WEBHOOK_LOG_DAYS: value })).toThrow(/BATON_WEBHOOK_LOG_DAYS/);
    }
  });
});
