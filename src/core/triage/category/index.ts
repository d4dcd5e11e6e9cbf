import type { IntentScore } from './intent-head.ts';
import type { FineIntent } from './intents/index.ts';

export type { IntentScore } from './intent-head.ts';
export type { FineIntent } from './intents/index.ts';
export { defaultFineIntents, fineIntentsFor } from './intents/index.ts';

/**
 * The category model of triage (SPEC §3 step 3, §5): which of the workspace's categories a
 * customer message is about, with a confidence the escalation policy can put thresholds on.
 */
export interface CategoryDefinition {
  readonly name: string;
  readonly description: string;
  readonly examples: readonly string[];
}

export interface KnowledgeText {
  readonly title: string;
  readonly body: string;
  readonly category: string | null;
  readonly tags: readonly string[];
}

export interface LabelledText {
  readonly text: string;
  readonly category: string;
}

export interface CategoryModelInput {
  readonly categories: readonly CategoryDefinition[];
  readonly articles: readonly KnowledgeText[];
  readonly history?: readonly LabelledText[];
  /** Fine intents inside the categories; the default taxonomy's for categories of the same name without it. */
  readonly intents?: readonly FineIntent[];
}

export interface CategoryScore {
  readonly category: string;
  readonly score: number;
}

export interface CategoryPrediction {
  readonly category: string;
  /** In [0, 1]; low for messages outside the company's customer service altogether. */
  readonly confidence: number;
  /** Every category of the taxonomy, best first. */
  readonly scores: readonly CategoryScore[];
  readonly mode: 'cold_start' | 'history';
  /** The best few fine intents of the message itself (which question inside its category), best first. */
  readonly intents?: readonly IntentScore[];
}

export interface CategoryModel {
  classify(text: string, earlierCustomerTurns?: readonly string[]): CategoryPrediction;
}

export {
  type CategoryModelParameters,
  type CategoryModelState,
  categoryModelFrom,
  categoryModelFromState,
  fitCategoryModel,
  packCategoryModel,
  trainCategoryModel,
} from './category-model.ts';
export { defaultCategoryDefinitions } from './default-categories.ts';
export { categoryModelFormat, decodeCategoryModel, encodeCategoryModel } from './model-state-codec.ts';
