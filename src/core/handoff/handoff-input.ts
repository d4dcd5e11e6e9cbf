/** Everything the AI turn knows at the moment it hands a conversation to a team (SPEC §6). */
import type { BusinessHours } from '../model.ts';
import type { QueueSnapshot } from '../wait/wait-estimate.ts';
import type { LookupOutcome } from './lookup-outcome.ts';
import type { EscalationReason } from './reasons.ts';
import type { HandoffTemplatesOverride } from './templates.ts';

export interface TranscriptLine {
  readonly role: 'customer' | 'ai' | 'agent' | 'system';
  readonly text: string;
}

export interface ArticleTried {
  readonly articleId: string;
  readonly slug: string;
  readonly title: string;
  readonly score: number;
}

export interface CustomerProfile {
  readonly name?: string | null;
  readonly plan?: string | null;
  readonly externalId?: string | null;
  readonly email?: string | null;
  /** Other profile fields from the customer's backend, shown to the agent as they are. */
  readonly fields?: Readonly<Record<string, string | number | boolean | null>>;
}

export interface RecentConversation {
  readonly id: string;
  readonly category: string | null;
  readonly state: string;
  /** ISO 8601, or null when not resolved. */
  readonly resolvedAt: string | null;
  readonly isRecontact: boolean;
}

export interface HandoffTeam {
  readonly key: string;
  readonly name: string;
}

export interface HandoffInput {
  /** The customer's last message, verbatim. */
  readonly question: string;
  readonly transcript: readonly TranscriptLine[];
  readonly category: string;
  readonly categoryConfidence: number;
  readonly reasons: readonly EscalationReason[];
  readonly signals: Readonly<Record<string, unknown>>;
  readonly lookups: readonly LookupOutcome[];
  readonly triedArticles: readonly ArticleTried[];
  /** The AI's draft answer that was not sent. */
  readonly draft: string | null;
  /** Sentiment per customer message, −1 … +1, oldest first. */
  readonly sentimentTrend: readonly number[];
  readonly customer?: CustomerProfile | null;
  readonly recentConversations?: readonly RecentConversation[];
  readonly team: HandoffTeam;
  readonly queue: QueueSnapshot;
  readonly businessHours: BusinessHours | null;
  readonly now: Date;
  readonly templates?: HandoffTemplatesOverride;
}
