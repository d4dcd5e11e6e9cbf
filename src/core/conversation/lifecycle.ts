/**
 * The conversation lifecycle (SPEC §2) as a table plus one pure transition function.
 * `waiting_on_customer` is not a state: it is derived from who spoke last.
 */
export const conversationStates = ['ai', 'queued', 'assigned', 'resolved'] as const;
export type ConversationState = (typeof conversationStates)[number];

export type LifecycleCommand =
  | { readonly kind: 'hand_over'; readonly teamKey: string }
  | { readonly kind: 'assign'; readonly agentId: string }
  | { readonly kind: 'requeue'; readonly teamKey: string }
  | { readonly kind: 'resolve'; readonly resolution: Resolution }
  | { readonly kind: 'reopen' };

export type Resolution = 'ai' | 'human' | 'abandoned';

/** Which command may move a conversation from which state to which. */
export const lifecycleTable: Readonly<
  Record<LifecycleCommand['kind'], Partial<Record<ConversationState, ConversationState>>>
> = {
  hand_over: { ai: 'queued' },
  // An agent may also take a conversation over from the AI before it hands over.
  assign: { ai: 'assigned', queued: 'assigned', assigned: 'assigned' },
  requeue: { assigned: 'queued', queued: 'queued' },
  resolve: { ai: 'resolved', queued: 'resolved', assigned: 'resolved' },
  reopen: { resolved: 'ai' },
};

export type TransitionResult =
  | { readonly kind: 'moved'; readonly from: ConversationState; readonly to: ConversationState }
  | { readonly kind: 'rejected'; readonly from: ConversationState; readonly reason: string };

/** Decides where a command takes a conversation in `from`, or why it cannot. */
export const transition = (from: ConversationState, command: LifecycleCommand): TransitionResult => {
  const to = lifecycleTable[command.kind][from];
  if (to === undefined) {
    return {
      kind: 'rejected',
      from,
      reason: `cannot ${command.kind.replace('_', ' ')} a conversation that is ${from}`,
    };
  }
  if (command.kind === 'resolve' && command.resolution === 'ai' && from !== 'ai') {
    return {
      kind: 'rejected',
      from,
      reason: 'only a conversation the AI still holds can be resolved by the AI',
    };
  }
  return { kind: 'moved', from, to };
};
