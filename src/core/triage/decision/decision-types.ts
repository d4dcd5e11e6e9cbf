/** What triage decides for one customer message, and the trace that explains it (SPEC §3, §5). */

import type { ReasonCode } from '../../handoff/index.ts';
import type { TriedArticle } from '../../ports/answerer.ts';
import type { CategoryPrediction } from '../category/index.ts';
import type { SignalReport } from '../signals/index.ts';

export interface DecisionReason {
  readonly code: ReasonCode;
  /** The words, numbers or scores that made the reason fire. */
  readonly evidence: string;
}

/** The outcome of the answer attempt (SPEC §3 step 4). */
export type AnswerAttempt =
  | {
      readonly kind: 'answer';
      readonly text: string;
      readonly confidence: number;
      readonly tried: readonly TriedArticle[];
      readonly citations: readonly {
        readonly articleId: string;
        readonly slug: string;
        readonly title: string;
      }[];
    }
  | {
      readonly kind: 'no_answer';
      readonly reason: string;
      readonly confidence: number;
      readonly tried: readonly TriedArticle[];
      /** A draft that was written but not sent (it failed the grounding check), for the packet. */
      readonly draft?: string;
    }
  | { readonly kind: 'failed'; readonly error: string }
  | {
      /** The policy handed over before any draft, so no model was asked (issue 11); retrieval only. */
      readonly kind: 'not_attempted';
      readonly reason: string;
      readonly confidence: number;
      readonly tried: readonly TriedArticle[];
    };

/** The thresholds the decision applied, as numbers an agent can check. */
export interface AppliedThresholds {
  readonly answerConfidence: number;
  readonly clarifyBelowCategoryConfidence: number;
  readonly highRiskScoreFloor: number;
  readonly amountLimit: number | null;
  readonly maxAiTurns: number;
  readonly repeatedAskAt: number;
  readonly sentimentBelow: number;
  readonly sentimentFallingOver: number;
  readonly frustrationMinScore: number;
}

/** Why the decision came out as it did: every input and every rule that applied. */
export interface DecisionTrace {
  readonly policyVersion: string;
  readonly signals: SignalReport;
  readonly category: {
    readonly name: string;
    readonly confidence: number;
    readonly mode: CategoryPrediction['mode'];
    /** The best scoring categories, best first. */
    readonly scores: CategoryPrediction['scores'];
  };
  readonly retrieval:
    | {
        readonly kind: 'answer' | 'no_answer' | 'not_attempted';
        readonly confidence: number;
        readonly reason: string | null;
        readonly tried: readonly TriedArticle[];
      }
    | { readonly kind: 'failed'; readonly error: string };
  readonly thresholds: AppliedThresholds;
  /**
   * Set when the category is calibrated (SPEC §8): the raw answer confidence (also in `retrieval`)
   * and the calibrated one the threshold was compared with.
   */
  readonly calibration?: { readonly rawConfidence: number; readonly calibratedConfidence: number };
  /**
   * The customer only thanked, acknowledged or said goodbye and the policy's closing reply answered:
   * not a question, so neither a knowledge gap nor a question for knowledge coverage.
   */
  readonly closingRemark: boolean;
  /** Plain sentences, in the order the rules were checked. */
  readonly why: readonly string[];
}

interface DecisionCommon {
  readonly category: string;
  readonly categoryConfidence: number;
  /** The answerer's confidence in its draft (0 when it had none). */
  readonly confidence: number;
  readonly team: string;
  readonly priority: number;
  readonly policyVersion: string;
  readonly trace: DecisionTrace;
}

export type TriageDecision =
  | (DecisionCommon & { readonly kind: 'answer'; readonly answer: string })
  | (DecisionCommon & { readonly kind: 'clarify'; readonly answer: string })
  | (DecisionCommon & { readonly kind: 'escalate'; readonly reasons: readonly DecisionReason[] });
