/**
 * Hand-built conversation histories for the metrics tests: each call appends the events Baton's
 * app writes for one step, at a time given in hours after a fixed Monday 00:00 UTC.
 */
import type { EscalationVerdict, ResolvedBy, ReviewLabel } from '../events/index.ts';
import type { Actor, ConversationEvent } from '../model.ts';

export const HOUR_MS = 3600_000;
export const DAY_HOURS = 24;
const EPOCH = Date.UTC(2025, 0, 6);

/** The time `hours` after the fixture's epoch. */
export const hoursIn = (hours: number): Date => new Date(EPOCH + Math.round(hours * HOUR_MS));

let nextId = 0;
const newId = (prefix: string) => {
  nextId += 1;
  return `${prefix}${nextId}`;
};

export interface AiTurnOptions {
  readonly category?: string;
  /** The best article's relevance; 0.9 (covered) by default. */
  readonly bestScore?: number;
  readonly cost?: number;
  /** The turn answered a thanks or goodbye with the closing reply. */
  readonly closingRemark?: boolean;
}

export class ConversationLog {
  readonly events: ConversationEvent[] = [];
  private lastHandoffId: string | null = null;
  private lastResolvedId: string | null = null;

  constructor(
    readonly id: string,
    readonly customerId: string,
  ) {}

  private add(type: string, hours: number, actor: Actor, data: Record<string, unknown>): this {
    const event = { id: newId('e'), conversationId: this.id, type, actor, data, at: hoursIn(hours) };
    this.events.push(event);
    if (type === 'handed_over') this.lastHandoffId = event.id;
    if (type === 'resolved') this.lastResolvedId = event.id;
    return this;
  }

  private message(hours: number, author: 'customer' | 'ai' | 'agent', kind = 'message', authorId?: string) {
    const actor: Actor =
      author === 'customer'
        ? { kind: 'customer', id: this.customerId }
        : author === 'agent'
          ? { kind: 'agent', id: authorId ?? 'agent1' }
          : { kind: 'ai' };
    const id = author === 'ai' ? null : (authorId ?? (author === 'customer' ? this.customerId : 'agent1'));
    return this.add('message_added', hours, actor, { messageId: newId('m'), author, authorId: id, kind });
  }

  started(hours: number, channel = 'widget'): this {
    return this.add('conversation_started', hours, { kind: 'customer', id: this.customerId }, { channel });
  }

  customerSays(hours: number): this {
    return this.message(hours, 'customer');
  }

  private decision(hours: number, action: string, options: AiTurnOptions): this {
    const trace = {
      retrieval: { kind: 'answer', tried: [{ score: options.bestScore ?? 0.9 }] },
      ...(options.closingRemark ? { closingRemark: true } : {}),
    };
    const cost = options.cost === undefined ? {} : { cost: options.cost };
    return this.add(
      'decision_made',
      hours,
      { kind: 'ai' },
      {
        action,
        category: options.category ?? null,
        ...cost,
        trace,
      },
    );
  }

  aiAnswers(hours: number, options: AiTurnOptions = {}): this {
    this.decision(hours, 'answer', options).message(hours, 'ai');
    return options.category
      ? this.add('categorised', hours, { kind: 'ai' }, { category: options.category })
      : this;
  }

  handsOver(hours: number, options: AiTurnOptions & { team?: string; waitMinutes?: number } = {}): this {
    return this.decision(hours, 'escalate', options)
      .message(hours, 'ai', 'handoff')
      .add(
        'handed_over',
        hours,
        { kind: 'ai' },
        {
          teamKey: options.team ?? 'support',
          priority: 1,
          reasons: [{ code: 'human_requested', evidence: 'a person' }],
          waitMinutes: options.waitMinutes ?? null,
          packet: {},
        },
      );
  }

  assigned(hours: number, agentId = 'agent1', team: string | null = null): this {
    return this.add(
      'assigned',
      hours,
      { kind: 'system' },
      { agentId, teamKey: team, previousAssigneeId: null },
    );
  }

  agentReplies(hours: number, agentId = 'agent1'): this {
    return this.message(hours, 'agent', 'message', agentId);
  }

  waitMeasured(hours: number, promisedMinutes: number | null, actualMinutes: number): this {
    return this.add(
      'wait_measured',
      hours,
      { kind: 'system' },
      { teamKey: null, promisedMinutes, actualMinutes },
    );
  }

  resolved(hours: number, by: ResolvedBy, agentId = 'agent1'): this {
    const resolution = by === 'agent' ? 'human' : by === 'abandoned' ? 'abandoned' : 'ai';
    const who = by === 'agent' ? { agentId } : {};
    const actor: Actor = by === 'agent' ? { kind: 'agent', id: agentId } : { kind: 'system' };
    return this.add('resolved', hours, actor, { by, resolution, ...who, teamKey: null });
  }

  /** The customer writes again after a resolution. */
  reopens(hours: number): this {
    return this.customerSays(hours).add(
      'reopened',
      hours,
      { kind: 'customer', id: this.customerId },
      {
        by: 'customer_reply',
      },
    );
  }

  verdict(hours: number, verdict: EscalationVerdict, previous: EscalationVerdict | null = null): this {
    return this.add(
      'escalation_verdict',
      hours,
      { kind: 'agent', id: 'agent1' },
      {
        verdict,
        handoffEventId: this.lastHandoffId,
        previous,
      },
    );
  }

  confirmsCategory(hours: number, category: string): this {
    return this.add(
      'category_confirmed',
      hours,
      { kind: 'agent', id: 'agent1' },
      { category, previous: null, text: '' },
    );
  }

  rated(hours: number, rating: number): this {
    return this.add(
      'rated',
      hours,
      { kind: 'customer', id: this.customerId },
      {
        rating,
        comment: null,
        resolvedEventId: this.lastResolvedId,
      },
    );
  }

  reviewed(hours: number, label: ReviewLabel): this {
    return this.add('reviewed', hours, { kind: 'agent', id: 'qa1' }, { label, rootCause: null });
  }
}

/** A conversation that starts, and whose customer writes, at `hours`. */
export const conversation = (id: string, hours: number, customerId = `cus_${id}`): ConversationLog =>
  new ConversationLog(id, customerId).started(hours).customerSays(hours);

/** Every event of the logs, as one stream ordered by time (as the store lists them). */
export const streamOf = (...logs: readonly ConversationLog[]): ConversationEvent[] =>
  logs.flatMap((log) => log.events).sort((a, b) => a.at.getTime() - b.at.getTime());
