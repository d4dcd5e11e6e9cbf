/**
 * The AI provider port (SPEC §3 step 4): drafts an answer grounded only in the knowledge base and
 * the customer's own account lookups. The embedded retrieval answerer and the OpenAI-compatible
 * LLM implement it, and both pass one contract suite (src/adapters/ai/answerer.contract.ts).
 * A provider that fails, times out or writes something unusable throws; the caller hands over
 * with `ai_unavailable`. Whatever an answerer drafts, the core checks its grounding and the
 * policy decides: an answerer proposes, it never decides.
 */
import type { LookupOutcome } from '../handoff/lookup-outcome.ts';
import type { Citation } from '../model.ts';

export interface TranscriptLine {
  readonly role: 'customer' | 'ai' | 'agent';
  readonly text: string;
}

/** One account lookup offered to the answerer (an LLM sees it as a tool with a JSON schema). */
export interface LookupTool {
  /** The integration's name, e.g. `order`. */
  readonly name: string;
  /** What it checks, in the customer's words: "your order". */
  readonly label: string;
  /**
   * The inputs the answerer may give, e.g. `order.number`. The customer's identity is never one
   * of them: it is filled in from the conversation, so a lookup only ever reads this customer.
   */
  readonly inputs: readonly string[];
}

/** The lookups an answerer may call during one turn, bound to the conversation's own customer. */
export interface LookupTools {
  readonly available: readonly LookupTool[];
  /** Runs one lookup; never throws (a failure is a recorded outcome). Unknown names or inputs are refused by the caller before this. */
  call(name: string, inputs: Readonly<Record<string, string>>): Promise<LookupOutcome>;
}

export interface AnswerRequest {
  /** The customer's latest message. */
  readonly question: string;
  /** Earlier turns, oldest first, excluding `question`. */
  readonly transcript: readonly TranscriptLine[];
  readonly category: string | null;
  /** Account facts already looked up for the category, for the answer to use before any article. */
  readonly lookups?: readonly LookupOutcome[];
  /** Whether the customer is identified (their account can be read) or an anonymous visitor. */
  readonly customer?: { readonly identified: boolean; readonly name: string | null };
  /** Lookups the answerer may make itself (an LLM's tools); none without it. */
  readonly tools?: LookupTools;
  /** Aborted when the turn must stop waiting (its deadline passed, or nobody needs the answer). */
  readonly signal?: AbortSignal;
  /** Receives the answer's text as it is written, in order; only text already checked against its sources is passed. */
  readonly onDelta?: (delta: string) => void;
}

/** An article the answerer considered, with its relevance score in [0, 1]. */
export interface TriedArticle {
  readonly articleId: string;
  readonly slug: string;
  readonly title: string;
  readonly score: number;
}

/** What an answer rests on: the text of a cited article, or an account lookup (by name) it used. */
export type AnswerSource =
  | { readonly kind: 'article'; readonly articleId: string; readonly text: string }
  | { readonly kind: 'lookup'; readonly name: string };

/** What drafting cost: for SPEC §9's cost per resolved conversation. */
export interface AnswerUsage {
  /** `embedded`, or the model's name. */
  readonly model: string;
  /** Model requests made (tool rounds and retries included); 0 for the embedded answerer. */
  readonly requests: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** In US dollars from the configured prices; null when no price is configured. */
  readonly costUsd: number | null;
  readonly latencyMs: number;
}

export type DraftAnswer =
  | {
      readonly kind: 'answer';
      readonly text: string;
      readonly citations: readonly Citation[];
      /** The texts `text` rests on; numbers, dates, prices and policy in `text` must appear in them. */
      readonly sources: readonly AnswerSource[];
      /** How sure the answerer is from retrieval evidence that `text` answers the question, in [0, 1]. */
      readonly confidence: number;
      readonly tried: readonly TriedArticle[];
      readonly usage?: AnswerUsage;
    }
  | {
      readonly kind: 'no_answer';
      /** Plain words for why nothing could be answered (shown to agents). */
      readonly reason: string;
      readonly confidence: number;
      readonly tried: readonly TriedArticle[];
      /** A draft that was written but must not be sent, for the agent's packet. */
      readonly draft?: string;
      readonly usage?: AnswerUsage;
    };

/** Retrieval only, when the policy has already decided to hand over: no model is asked. */
export interface RetrievalOnly {
  readonly confidence: number;
  readonly tried: readonly TriedArticle[];
}

export interface Answerer {
  draft(request: AnswerRequest): Promise<DraftAnswer>;
  /** The articles the question retrieves, for the agent's packet, without drafting (never calls a model). */
  retrieve?(request: AnswerRequest): Promise<RetrievalOnly>;
}

/** How a provider failed; every kind hands over with `ai_unavailable`. */
export type AnswererFaultKind =
  | 'timeout'
  | 'connection'
  | 'server_error'
  | 'rate_limited'
  | 'refused'
  | 'malformed_output'
  | 'empty_output'
  | 'unknown_tool'
  | 'bad_tool_arguments'
  | 'too_many_tool_calls';

/** A provider failure with its kind; the message says what happened in plain words (never a secret). */
export class AnswererFault extends Error {
  constructor(
    readonly kind: AnswererFaultKind,
    message: string,
    readonly usage?: AnswerUsage,
  ) {
    super(message);
    this.name = 'AnswererFault';
  }
}
