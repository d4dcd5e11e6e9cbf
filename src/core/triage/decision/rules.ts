/** Custom policy rules (`agent_requested_by_rule`): conditions a company adds on top of the triggers. */
import type { EscalationPolicy, PolicyRule } from '../policy/index.ts';

export interface RuleContext {
  readonly category: string;
  readonly text: string;
  readonly amount: number | null;
  readonly plan: string | null;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const mentions = (text: string, phrase: string): boolean =>
  new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(phrase)}($|[^\\p{L}\\p{N}])`, 'iu').test(text);

/** The rules whose every given condition holds for this message. */
export const matchingRules = (policy: EscalationPolicy, context: RuleContext): readonly PolicyRule[] =>
  policy.rules.filter(({ when }) => {
    if (when.categories && !when.categories.includes(context.category)) return false;
    if (when.anyWords && !when.anyWords.some((phrase) => mentions(context.text, phrase))) return false;
    if (when.minAmount !== undefined && (context.amount === null || context.amount < when.minAmount))
      return false;
    if (when.customerPlans && (context.plan === null || !when.customerPlans.includes(context.plan)))
      return false;
    return true;
  });
