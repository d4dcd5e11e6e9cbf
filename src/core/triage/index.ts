/** Triage (SPEC §3 steps 2–5): signals, category, policy, decision, and the orchestration of one turn. */
export * from './category/index.ts';
export * from './decision/index.ts';
export * from './policy/index.ts';
export * from './signals/index.ts';
export type { TriageInput, TriageResult } from './triage-conversation.ts';
export { triageConversation } from './triage-conversation.ts';
