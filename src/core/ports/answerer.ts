/**
 * The AI provider port (SPEC §3 step 4): drafts an answer grounded only in the knowledge base.
 * The embedded retrieval answerer implements it today; an OpenAI-compatible LLM will too.
 * A provider that fails or times out throws; the caller hands over with `ai_unavailable`.
 */
import type { Citation } from '../model.ts';

export interface TranscriptLine {
  readonly role: 'customer' | 'ai' | 'agent';
  readonly text: string;
}

export interface AnswerRequest {
  /** The customer's latest message. */
  readonly question: string;
  /** Earlier turns, oldest first, excluding `question`. */
  readonly transcript: readonly TranscriptLine[];
  readonly category: string | null;
}

/** An article the answerer considered, with its relevance score in [0, 1]. */
export interface TriedArticle {
  readonly articleId: string;
  readonly slug: string;
  readonly title: string;
  readonly score: number;
}

export type DraftAnswer =
  | {
      readonly kind: 'answer';
      readonly text: string;
      readonly citations: readonly Citation[];
      /** How sure the answerer is that `text` answers the question, in [0, 1]. */
      readonly confidence: number;
      readonly tried: readonly TriedArticle[];
    }
  | {
      readonly kind: 'no_answer';
      /** Plain words for why nothing could be answered (shown to agents). */
      readonly reason: string;
      readonly confidence: number;
      readonly tried: readonly TriedArticle[];
    };

export interface Answerer {
  draft(request: AnswerRequest): Promise<DraftAnswer>;
}
