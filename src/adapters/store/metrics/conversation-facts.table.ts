/** The `conversation_facts` table as Kysely sees it (migration 0030), and rows ↔ facts. */
import type { ConversationFacts } from '../../../core/metrics/index.ts';

/** A type, not an interface: Kysely's withTables needs an index-compatible shape. */
export type ConversationFactsTable = {
  conversation_id: string;
  workspace_id: string;
  customer_id: string;
  channel: string;
  category: string | null;
  team_key: string | null;
  started_at: Date;
  first_customer_message_at: Date | null;
  first_response_at: Date | null;
  ai_involved: boolean;
  human_involved: boolean;
  handed_over_at: Date | null;
  handoffs: number;
  handoffs_judged: number;
  handoffs_judged_needed: number;
  verdict: string | null;
  resolution: string | null;
  resolved_by: string | null;
  resolved_by_agent_id: string | null;
  resolved_at: Date | null;
  last_resolved_at: Date | null;
  recontact_of: string | null;
  recontacted: boolean;
  recontact_escalated: boolean;
  review_label: string | null;
  csat: number | null;
  handle_seconds: number | null;
  ai_questions: number;
  ai_questions_covered: number;
  ai_turns: number;
  ai_cost: number;
  waits_measured: number;
  wait_error_seconds: number;
  updated_at: Date;
};

export type FactsTables = { conversation_facts: ConversationFactsTable };

/** What a derivation decides: every column but the key and when the row was saved. */
export const derivedFactColumns = [
  'workspace_id',
  'customer_id',
  'channel',
  'category',
  'team_key',
  'started_at',
  'first_customer_message_at',
  'first_response_at',
  'ai_involved',
  'human_involved',
  'handed_over_at',
  'handoffs',
  'handoffs_judged',
  'handoffs_judged_needed',
  'verdict',
  'resolution',
  'resolved_by',
  'resolved_by_agent_id',
  'resolved_at',
  'last_resolved_at',
  'recontact_of',
  'recontacted',
  'recontact_escalated',
  'review_label',
  'csat',
  'handle_seconds',
  'ai_questions',
  'ai_questions_covered',
  'ai_turns',
  'ai_cost',
  'waits_measured',
  'wait_error_seconds',
] as const satisfies readonly (keyof ConversationFactsTable)[];

/** Fails to compile when a column is added to the table but not to the list above. */
type Unlisted = Exclude<
  keyof ConversationFactsTable,
  'conversation_id' | 'updated_at' | (typeof derivedFactColumns)[number]
>;
export const everyDerivedColumnListed: [Unlisted] extends [never] ? true : never = true;

export const toFactsRow = (
  workspaceId: string,
  facts: ConversationFacts,
  now: Date,
): ConversationFactsTable => ({
  conversation_id: facts.conversationId,
  workspace_id: workspaceId,
  customer_id: facts.customerId,
  channel: facts.channel,
  category: facts.category,
  team_key: facts.teamKey,
  started_at: facts.startedAt,
  first_customer_message_at: facts.firstCustomerMessageAt,
  first_response_at: facts.firstResponseAt,
  ai_involved: facts.aiInvolved,
  human_involved: facts.humanInvolved,
  handed_over_at: facts.handedOverAt,
  handoffs: facts.handoffs,
  handoffs_judged: facts.handoffsJudged,
  handoffs_judged_needed: facts.handoffsJudgedNeeded,
  verdict: facts.verdict,
  resolution: facts.resolution,
  resolved_by: facts.resolvedBy,
  resolved_by_agent_id: facts.resolvedByAgentId,
  resolved_at: facts.resolvedAt,
  last_resolved_at: facts.lastResolvedAt,
  recontact_of: facts.recontactOf,
  recontacted: facts.recontacted,
  recontact_escalated: facts.recontactEscalated,
  review_label: facts.reviewLabel,
  csat: facts.csat,
  handle_seconds: facts.handleSeconds,
  ai_questions: facts.aiQuestions,
  ai_questions_covered: facts.aiQuestionsCovered,
  ai_turns: facts.aiTurns,
  ai_cost: facts.aiCost,
  waits_measured: facts.waitsMeasured,
  wait_error_seconds: facts.waitErrorSeconds,
  updated_at: now,
});
