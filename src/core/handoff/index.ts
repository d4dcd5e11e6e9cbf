export type { ComposedHandoff } from './compose.ts';
export { composeHandoff, renderHandoffMessage } from './compose.ts';
export { defaultHandoffTemplates } from './default-templates.ts';
export type {
  ArticleTried,
  CustomerProfile,
  HandoffInput,
  HandoffTeam,
  RecentConversation,
  TranscriptLine,
} from './handoff-input.ts';
export type { HandoffLintResult, HandoffPart } from './lint-handoff.ts';
export { lintHandoffMessage, lintHandoffTemplate, messagePlaceholders } from './lint-handoff.ts';
export type { TemplateSetProblem } from './lint-template-set.ts';
export { lintTemplateSet } from './lint-template-set.ts';
export type { LookupField, LookupOutcome, LookupStatus } from './lookup-outcome.ts';
export type { HandoffPacket, PacketCustomer, PacketReason } from './packet.ts';
export { buildHandoffPacket } from './packet.ts';
export type { EscalationReason, ReasonCode } from './reasons.ts';
export { isReasonCode, reasonCodes, reasonLabels } from './reasons.ts';
export type { SentimentDirection } from './sentiment-words.ts';
export { sentimentDirection, sentimentWords } from './sentiment-words.ts';
export type {
  HandoffTemplateSet,
  HandoffTemplates,
  HandoffTemplatesOverride,
  TeamTemplateOverride,
  WaitPhrases,
} from './templates.ts';
export { resolveTemplates } from './templates.ts';
