import { describe, expect, it } from 'vitest';
import type { ConversationHold } from '../conversation/hold.ts';
import type { ConversationState } from '../conversation/lifecycle.ts';
import { parseEvent, type TypedEvent } from '../events/index.ts';
import type { Actor } from '../model.ts';
import { responseDue, responseWaits, wasMet } from './response-clock.ts';
import type { ResponseTargets } from './response-targets.ts';

const START = Date.UTC(2026, 2, 2, 9, 0);
const at = (minutes: number) => new Date(START + minutes * 60_000);
const targets: ResponseTargets = { firstResponseMinutes: 30, nextResponseMinutes: 60 };

/** A conversation's events built step by step, each at a minute after 09:00. */
const history = () => {
  const events: TypedEvent[] = [];
  const add = (minute: number, type: string, actor: Actor, data: Record<string, unknown>) => {
    const event = parseEvent({
      id: `e${events.length}`,
      conversationId: 'c1',
      type,
      actor,
      data,
      at: at(minute),
    });
    if (event === null) throw new Error(`fixture event ${type} does not match its schema`);
    events.push(event);
  };
  const message = (minute: number, author: 'customer' | 'ai' | 'agent', kind = 'message') => {
    const actor: Actor =
      author === 'ai' ? { kind: 'ai' } : { kind: author, id: author === 'agent' ? 'a1' : 'cust1' };
    add(minute, 'message_added', actor, {
      messageId: `m${events.length}`,
      author,
      authorId: author === 'ai' ? null : author === 'agent' ? 'a1' : 'cust1',
      kind,
    });
  };
  const steps = {
    events,
    customer(minute: number) {
      message(minute, 'customer');
      return steps;
    },
    ai(minute: number) {
      message(minute, 'ai');
      return steps;
    },
    handOver(minute: number) {
      message(minute, 'ai', 'handoff');
      add(
        minute,
        'handed_over',
        { kind: 'ai' },
        {
          teamKey: 'billing',
          priority: 1,
          reasons: [{ code: 'human_requested', evidence: 'asked for a person' }],
          waitMinutes: null,
          packet: {},
        },
      );
      return steps;
    },
    assign(minute: number) {
      add(
        minute,
        'assigned',
        { kind: 'system' },
        { agentId: 'a1', teamKey: 'billing', previousAssigneeId: null },
      );
      return steps;
    },
    reply(minute: number) {
      message(minute, 'agent');
      return steps;
    },
    note(minute: number) {
      message(minute, 'agent', 'note');
      return steps;
    },
    resolve(minute: number) {
      add(
        minute,
        'resolved',
        { kind: 'agent', id: 'a1' },
        {
          by: 'agent',
          resolution: 'human',
          agentId: 'a1',
          teamKey: 'billing',
        },
      );
      return steps;
    },
    reopen(minute: number) {
      add(minute, 'reopened', { kind: 'customer', id: 'cust1' }, { by: 'customer_reply' });
      return steps;
    },
  };
  return steps;
};

const open = (state: ConversationState = 'assigned', hold: ConversationHold | null = null) => ({
  state,
  hold,
});

describe('responseDue', () => {
  it('counts the first response from the handoff, not from the customer’s first message', () => {
    const { events } = history().customer(0).ai(1).customer(5).handOver(6).assign(7);
    expect(responseDue(open(), events, targets, at(10))).toEqual({
      kind: 'first_response',
      dueAt: at(36),
      targetMinutes: 30,
    });
  });

  it('shows no timer while the AI holds the conversation', () => {
    const { events } = history().customer(0).ai(1);
    expect(responseDue(open('ai'), events, targets, at(10))).toBeNull();
  });

  it('owes nothing once an agent replied and the customer has not written since', () => {
    const { events } = history().customer(0).handOver(1).assign(1).reply(12);
    expect(responseDue(open(), events, targets, at(20))).toBeNull();
  });

  it('does not take a note for a reply', () => {
    const { events } = history().customer(0).handOver(1).assign(1).note(5);
    expect(responseDue(open(), events, targets, at(20))?.kind).toBe('first_response');
  });

  it('does not take an AI message after the handoff for a reply', () => {
    const { events } = history().customer(0).handOver(1).ai(3);
    expect(responseDue(open('queued'), events, targets, at(4))?.dueAt).toEqual(at(31));
  });

  it('counts the next response from the first of several unanswered customer messages', () => {
    const { events } = history()
      .customer(0)
      .handOver(1)
      .assign(1)
      .reply(10)
      .customer(40)
      .customer(45)
      .customer(50);
    expect(responseDue(open(), events, targets, at(55))).toEqual({
      kind: 'next_response',
      dueAt: at(100),
      targetMinutes: 60,
    });
  });

  it('counts customer messages before the first reply toward the first response, not a next one', () => {
    const { events } = history().customer(0).handOver(1).customer(4).customer(8);
    expect(responseDue(open('queued'), events, targets, at(9))).toEqual({
      kind: 'first_response',
      dueAt: at(31),
      targetMinutes: 30,
    });
  });

  it('keeps an overdue due time in the past (the caller says by how much)', () => {
    const { events } = history().customer(0).handOver(1);
    const due = responseDue(open('queued'), events, targets, at(200));
    expect(due?.dueAt).toEqual(at(31));
  });

  it('hides the timer while the conversation is on hold, and shows it again once the snooze is over', () => {
    const { events } = history().customer(0).handOver(1).assign(1);
    const snoozed: ConversationHold = { kind: 'snoozed', until: at(120) };
    expect(responseDue(open('assigned', snoozed), events, targets, at(60))).toBeNull();
    expect(responseDue(open('assigned', snoozed), events, targets, at(121))?.dueAt).toEqual(at(31));
    expect(
      responseDue(open('assigned', { kind: 'waiting_on_customer' }), events, targets, at(60)),
    ).toBeNull();
  });

  it('counts the next response from the customer message that ended a wait on them', () => {
    const { events } = history().customer(0).handOver(1).assign(1).reply(5).customer(300);
    expect(responseDue(open(), events, targets, at(301))?.dueAt).toEqual(at(360));
  });

  it('shows no timer on a resolved conversation', () => {
    const { events } = history().customer(0).handOver(1).assign(1).customer(5).resolve(6);
    expect(responseDue(open('resolved'), events, targets, at(7))).toBeNull();
  });

  it('starts a new first response when a reopened conversation is handed over again', () => {
    const { events } = history()
      .customer(0)
      .handOver(1)
      .assign(1)
      .reply(5)
      .resolve(6)
      .reopen(100)
      .customer(100)
      .handOver(102)
      .assign(102);
    expect(responseDue(open(), events, targets, at(103))).toEqual({
      kind: 'first_response',
      dueAt: at(132),
      targetMinutes: 30,
    });
  });

  it('counts a take-over from the AI (assigned without a handoff) as reaching people', () => {
    const { events } = history().customer(0).ai(1).assign(4);
    expect(responseDue(open(), events, targets, at(5))?.dueAt).toEqual(at(34));
  });
});

describe('responseWaits', () => {
  it('lists every wait with whether it met its target', () => {
    const { events } = history().customer(0).handOver(0).assign(0).reply(45).customer(50).reply(70);
    const waits = responseWaits(events);
    expect(waits.map((wait) => [wait.kind, wasMet(wait, targets)])).toEqual([
      ['first_response', false],
      ['next_response', true],
    ]);
  });

  it('leaves a wait a resolution ended unanswered (neither met nor missed)', () => {
    const { events } = history().customer(0).handOver(0).resolve(10);
    const waits = responseWaits(events);
    expect(waits).toEqual([{ kind: 'first_response', startedAt: at(0), answeredAt: null }]);
    expect(waits.map((wait) => wasMet(wait, targets))).toEqual([null]);
  });
});
