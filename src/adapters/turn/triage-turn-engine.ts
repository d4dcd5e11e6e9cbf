/**
 * The live turn engine: Baton's triage engine (signals → category → lookups → answer → decision →
 * handoff) over the workspace's policy, category model, handoff wording, an answerer and account
 * lookups. The answerer is a parameter: the built-in retrieval answerer, or any other.
 */
import type { TurnEngine, TurnOutcome } from '../../app/turn-engine.ts';
import type { WorkspaceTriage } from '../../app/workspace-triage.ts';
import type { CustomerProfile, LookupOutcome } from '../../core/handoff/index.ts';
import type { Customer } from '../../core/model.ts';
import type { Answerer } from '../../core/ports/answerer.ts';
import { type TriageResult, triageConversation } from '../../core/triage/index.ts';
import {
  type IntegrationConfig,
  lookupsForCategory,
  runLookup,
  type Secrets,
} from '../integrations/index.ts';

export interface TriageTurnEngineDeps {
  /** The workspace's policy, category model and handoff wording (cached until they change). */
  readonly triage: () => Promise<WorkspaceTriage>;
  readonly answerer: Answerer;
  readonly integrations: readonly IntegrationConfig[];
  readonly secrets: Secrets;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

const profileOf = (customer: Customer): CustomerProfile => ({
  name: customer.name,
  email: customer.email,
  externalId: customer.externalId,
  plan: text(customer.profile.plan),
});

/** Order numbers the customer mentioned ("order 1042", "#1042"), for order lookups. */
const orderNumberIn = (messages: readonly { role: string; text: string }[]): string | null => {
  for (const message of [...messages].reverse()) {
    if (message.role !== 'customer') continue;
    const match = /(?:order|#)\s*(?:number|no\.?)?\s*#?\s*(\d{3,12})\b/i.exec(message.text);
    if (match?.[1]) return match[1];
  }
  return null;
};

/** Lookups whose inputs this conversation has (an anonymous visitor has no account to check). */
const runnable = (config: IntegrationConfig, context: Record<string, string | null>): boolean =>
  [...config.urlTemplate.matchAll(/\{([A-Za-z0-9_.]+)\}/g)].every((match) => {
    const key = match[1];
    return key !== undefined && context[key] !== null && context[key] !== undefined;
  });

/**
 * The stored decision cites the store's version number of the policy (unique per workspace), with
 * the document's own label beside it; the label alone is free text two versions may share.
 */
const toOutcome = (result: TriageResult, triage: WorkspaceTriage): TurnOutcome => {
  const trace = {
    ...result.trace,
    policyVersion: triage.policyVersion,
    policyLabel: triage.policyLabel,
    lookups: result.lookups,
    signalsSummary: result.signals,
  };
  if (result.action === 'escalate' && result.handoff) {
    return {
      kind: 'escalate',
      teamKey: result.team,
      priority: result.priority,
      category: result.category,
      reasons: result.reasons,
      message: result.handoff.message,
      waitMinutes: result.handoff.waitMinutes,
      packet: { ...result.handoff.packet },
      trace,
      lookups: result.lookups,
    };
  }
  return {
    kind: result.action === 'clarify' ? 'clarify' : 'answer',
    text: result.answer ?? '',
    citations: result.citations ?? [],
    category: result.category,
    trace,
    lookups: result.lookups,
  };
};

export const createTriageTurnEngine = (deps: TriageTurnEngineDeps): TurnEngine => ({
  async run(input) {
    const triage = await deps.triage();
    const { policy, categoryModel, templates } = triage;
    const context: Record<string, string | null> = {
      'customer.externalId': input.customer.externalId,
      'customer.email': input.customer.email,
      'order.number': orderNumberIn(input.transcript),
    };
    const result = await triageConversation({
      policy,
      categoryModel,
      answerer: deps.answerer,
      messages: input.transcript,
      customer: profileOf(input.customer),
      now: input.now,
      earlierConversations: input.earlierConversations,
      ...(templates ? { templates } : {}),
      queueOf: input.queueOf,
      lookups: async (category: string): Promise<readonly LookupOutcome[]> =>
        Promise.all(
          lookupsForCategory(deps.integrations, category)
            .filter((config) => runnable(config, context))
            .map((config) => runLookup(config, context, deps.secrets)),
        ),
    });
    return toOutcome(result, triage);
  },
});
