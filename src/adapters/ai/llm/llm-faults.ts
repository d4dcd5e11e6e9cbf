/**
 * Every way an OpenAI-compatible call can fail, as one AnswererFault kind with a plain message
 * (SPEC §3: each hands over with `ai_unavailable`). The API key never appears in a message.
 */
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  RateLimitError,
} from 'openai';
import { AnswererFault, type AnswerUsage } from '../../../core/ports/answerer.ts';

const scrub = (text: string, secret: string | null): string =>
  secret && secret.length >= 4 ? text.split(secret).join('[secret]') : text;

const causeOf = (error: Error): string =>
  error.cause instanceof Error && error.cause.message ? `: ${error.cause.message}` : '';

/** The fault an error stands for; `deadlineMs` is the turn's deadline, `timedOut` whether it passed. */
export const toFault = (
  error: unknown,
  context: {
    readonly deadlineMs: number;
    readonly timedOut: boolean;
    readonly apiKey: string | null;
    readonly usage: AnswerUsage;
  },
): AnswererFault => {
  const { usage } = context;
  if (error instanceof AnswererFault) return new AnswererFault(error.kind, error.message, usage);
  if (context.timedOut || error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError)
    return new AnswererFault(
      'timeout',
      `the model did not answer within ${context.deadlineMs / 1000} s`,
      usage,
    );
  if (error instanceof APIConnectionError)
    return new AnswererFault(
      'connection',
      scrub(`could not reach the model endpoint${causeOf(error)}`, context.apiKey),
      usage,
    );
  if (error instanceof RateLimitError)
    return new AnswererFault('rate_limited', 'the model endpoint is rate-limiting Baton (HTTP 429)', usage);
  if (error instanceof APIError && typeof error.status === 'number') {
    if (error.status >= 500)
      return new AnswererFault('server_error', `the model endpoint failed (HTTP ${error.status})`, usage);
    const why =
      error.status === 401 || error.status === 403
        ? 'check BATON_LLM_API_KEY'
        : 'check BATON_LLM_MODEL and BATON_LLM_BASE_URL';
    return new AnswererFault(
      'refused',
      `the model endpoint refused the request (HTTP ${error.status}; ${why})`,
      usage,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AnswererFault(
    'malformed_output',
    scrub(`the model's reply could not be read (${message.slice(0, 120)})`, context.apiKey),
    usage,
  );
};
