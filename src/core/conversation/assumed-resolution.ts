/**
 * Assumed resolution (SPEC §2): a conversation the AI still holds is resolved by the AI when the
 * customer has not asked for more within the window after the AI's last answer, and abandoned when
 * the customer left before any answer.
 */
import type { Resolution } from './lifecycle.ts';

export const DEFAULT_ASSUMED_RESOLUTION_WINDOW_MS = 24 * 3600_000;

export interface QuietConversation {
  readonly state: string;
  /** Who wrote the last customer-visible message, or null when there is none. */
  readonly lastAuthor: 'customer' | 'ai' | 'agent' | 'system' | null;
  readonly lastMessageAt: Date | null;
  readonly aiAnswered: boolean;
}

/** The resolution to record now, or null while the conversation is still live. */
export const assumedResolution = (
  conversation: QuietConversation,
  now: Date,
  windowMs: number = DEFAULT_ASSUMED_RESOLUTION_WINDOW_MS,
): Resolution | null => {
  if (conversation.state !== 'ai' || conversation.lastMessageAt === null) return null;
  if (now.getTime() - conversation.lastMessageAt.getTime() < windowMs) return null;
  if (conversation.lastAuthor === 'ai') return 'ai';
  return conversation.aiAnswered ? null : 'abandoned';
};
