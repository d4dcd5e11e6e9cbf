/**
 * Fine intents: the particular questions customers ask inside one category of the taxonomy
 * ("when will my refund arrive" and "how do I get a return label" are both `refund`). Each has
 * its own phrasings, written for Baton's default taxonomy and the Acme demo shop in the ways
 * people write to a support chat — short, long, misspelt, angry, indirect. A second head of the
 * category model learns the fine intent from them (the category model itself does not: as category
 * examples they lowered must-escalate recall), so that a question asked again in other words is
 * recognised as the same question.
 */
export interface FineIntent {
  /** `category.what`, e.g. `refund.timing`. */
  readonly name: string;
  /** The taxonomy category the intent belongs to. */
  readonly category: string;
  readonly phrasings: readonly string[];
}

/** One intent from a block of phrasings, one a line (blank lines ignored). */
export const intent = (name: string, category: string, block: string): FineIntent => ({
  name,
  category,
  phrasings: block
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== ''),
});
