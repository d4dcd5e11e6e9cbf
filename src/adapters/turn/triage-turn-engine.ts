/**
 * The live turn engine: Baton's triage engine (signals → category → lookups → answer → decision →
 * handoff) over the workspace's policy, category model, handoff wording, an answerer and account
 * lookups. The answerer is a parameter: the built-in retrieval answerer, or any other.
 */
import type { TurnEngine, TurnOutcome } from '../../app/turn-engine.ts';
import type { WorkspaceTriage } from '../../app/workspace-triage.ts';
import type { CustomerProfile, LookupOutcome } from '../../core/handoff/index.ts';
import type { Customer } from '../../core/model.ts';
import type { Answerer, LookupTool, LookupTools } from '../../core/ports/answerer.ts';
import { type TriageResult, triageConversation } from '../../core/triage/index.ts';
import { statedEmail, statedOrderNumber } from '../../core/triage/lookup-facts.ts';
import {
  type IntegrationConfig,
  lookupsForCategory,
  runLookup,
  type Secrets,
} from '../integrations/index.ts';
import { createConversationLineMemos } from './conversation-line-memos.ts';

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

const placeholders = (config: IntegrationConfig): string[] =>
  [...config.urlTemplate.matchAll(/\{([A-Za-z0-9_.]+)\}/g)].flatMap((match) => (match[1] ? [match[1]] : []));

const known = (context: Record<string, string | null>, key: string) =>
  context[key] !== null && context[key] !== undefined;

/** Lookups whose inputs this conversation has (an anonymous visitor has no account to check). */
const runnable = (config: IntegrationConfig, context: Record<string, string | null>): boolean =>
  placeholders(config).every((key) => known(context, key)) &&
  !config.unlessKnown.some((key) => known(context, key));

/**
 * The lookups an answerer may call itself, as tools: those whose customer inputs this
 * conversation has. The customer's identity is filled in here, never by the answerer.
 */
const lookupTools = (
  integrations: readonly IntegrationConfig[],
  context: Record<string, string | null>,
  secrets: Secrets,
): LookupTools => {
  const usable = integrations.filter((config) =>
    placeholders(config).every((key) => !key.startsWith('customer.') || known(context, key)),
  );
  const available: LookupTool[] = usable.map((config) => ({
    name: config.name,
    label: config.label,
    inputs: placeholders(config).filter((key) => !key.startsWith('customer.')),
  }));
  return {
    available,
    async call(name, inputs) {
      const config = usable.find((candidate) => candidate.name === name);
      if (!config) throw new Error(`no lookup named ${name} is offered`);
      const allowed = Object.fromEntries(
        Object.entries(inputs).filter(([key]) => !key.startsWith('customer.')),
      );
      return runLookup(config, { ...context, ...allowed }, secrets);
    },
  };
};

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
    answerer: result.answerer,
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

export const createTriageTurnEngine = (deps: TriageTurnEngineDeps): TurnEngine => {
  // What each conversation's messages read as, kept between its turns: a turn reads only new lines.
  const lineMemos = createConversationLineMemos();
  return {
    async run(input) {
      const triage = await deps.triage();
      const { policy, categoryModel, templates, calibration } = triage;
      const context: Record<string, string | null> = {
        'customer.externalId': input.customer.externalId,
        'customer.email': input.customer.email,
        'order.number': statedOrderNumber(input.transcript),
        'stated.email': statedEmail(input.transcript),
      };
      const lineMemo = lineMemos.memoFor(input.conversation.id, categoryModel, input.transcript);
      const result = await triageConversation({
        policy,
        categoryModel,
        answerer: deps.answerer,
        messages: input.transcript,
        customer: profileOf(input.customer),
        now: input.now,
        earlierConversations: input.earlierConversations,
        ...(templates ? { templates } : {}),
        calibration,
        ...(lineMemo ? { lineMemo } : {}),
        queueOf: input.queueOf,
        tools: lookupTools(deps.integrations, context, deps.secrets),
        ...(input.onAnswerDelta ? { onAnswerDelta: input.onAnswerDelta } : {}),
        lookups: async (category: string): Promise<readonly LookupOutcome[]> =>
          Promise.all(
            lookupsForCategory(deps.integrations, category)
              .filter((config) => runnable(config, context))
              .map((config) => runLookup(config, context, deps.secrets)),
          ),
      });
      return toOutcome(result, triage);
    },
  };
};
