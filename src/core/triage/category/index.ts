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
}

export interface CategoryModel {
  classify(text: string, earlierCustomerTurns?: readonly string[]): CategoryPrediction;
}

export {
  type CategoryModelParameters,
  type CategoryModelState,
  categoryModelFrom,
  fitCategoryModel,
  trainCategoryModel,
} from './category-model.ts';
export { defaultCategoryDefinitions } from './default-categories.ts';
export { categoryModelFormat, decodeCategoryModel, encodeCategoryModel } from './model-state-codec.ts';
