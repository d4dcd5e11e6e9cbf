/**
 * The recount scope against the whole derivation, on random histories: every conversation whose
 * facts change when some conversations get new events is in the scope's `save` set, and deriving
 * from the `read` set alone gives each saved conversation the facts the whole history gives it.
 */
import { describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../model.ts';
import { seededRandom } from '../triage/category/softmax-regression.ts';
import type { ConversationFacts } from './conversation-facts.ts';
import { defaultFactSettings, deriveConversationFacts } from './derive-facts.ts';
import { ConversationLog, DAY_HOURS } from './event-log.fixture.ts';
import { type ConversationSpan, recountScope } from './recount-scope.ts';

const settings = { ...defaultFactSettings, recontactWindowMs: 3 * DAY_HOURS * 3600_000 };

const spansOf = (logs: readonly ConversationLog[]): ConversationSpan[] =>
  logs
    .filter((log) => log.events.length > 0)
    .map((log) => ({
      conversationId: log.id,
      customerId: log.customerId,
      firstAt: new Date(Math.min(...log.events.map((e) => e.at.getTime()))),
      lastAt: new Date(Math.max(...log.events.map((e) => e.at.getTime()))),
    }));

const byId = (facts: readonly ConversationFacts[]) => new Map(facts.map((row) => [row.conversationId, row]));
const eventsOf = (logs: readonly ConversationLog[]): ConversationEvent[] =>
  logs.flatMap((log) => [...log.events]);

describe('recount scope', () => {
  it.each(Array.from({ length: 60 }, (_, i) => i + 1))('matches the whole derivation (seed %i)', (seed) => {
    const random = seededRandom(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const categories = ['shipping', 'billing', 'returns'];
    const logs: ConversationLog[] = [];
    for (const customer of ['c1', 'c2', 'c3']) {
      for (let i = 0; i < 14; i += 1) {
        const start = random() * 40 * DAY_HOURS;
        const log = new ConversationLog(`${customer}-${i}`, customer)
          .started(start)
          .customerSays(start + 0.1);
        if (random() < 0.2) log.handsOver(start + 0.2, { category: pick(categories) });
        else log.aiAnswers(start + 0.2, { category: pick(categories) });
        if (random() < 0.8)
          log.resolved(start + 0.3 + random() * 3 * DAY_HOURS, pick(['ai_assumed', 'agent']));
        logs.push(log);
      }
    }
    const before = byId(deriveConversationFacts(eventsOf(logs), settings));

    // Late events on a few conversations: a reopen resolved again days later, a new category, a rating.
    const changed = new Set<string>();
    for (let n = 0; n < 1 + Math.floor(random() * 3); n += 1) {
      const log = pick(logs);
      changed.add(log.id);
      const last =
        Math.max(...log.events.map((e) => e.at.getTime())) / 3600_000 - Date.UTC(2025, 0, 6) / 3600_000;
      const later = last + random() * 6 * DAY_HOURS;
      const change = random();
      if (change < 0.4) log.reopens(later).resolved(later + random() * 2 * DAY_HOURS, 'agent');
      else if (change < 0.8) log.confirmsCategory(later, pick(categories));
      else log.rated(later, 1 + Math.floor(random() * 5));
    }
    const everything = deriveConversationFacts(eventsOf(logs), settings);
    const after = byId(everything);
    const scope = recountScope(spansOf(logs), changed, settings.recontactWindowMs);

    for (const [id, facts] of after) {
      if (JSON.stringify(before.get(id)) !== JSON.stringify(facts))
        expect({ id, saved: scope.save.has(id) }).toEqual({ id, saved: true });
    }
    for (const id of scope.save) expect(scope.read.has(id)).toBe(true);
    const partial = byId(
      deriveConversationFacts(eventsOf(logs.filter((log) => scope.read.has(log.id))), settings),
    );
    for (const id of scope.save) expect({ id, facts: partial.get(id) }).toEqual({ id, facts: after.get(id) });
    // The scope is a neighbourhood, not the whole history (on most seeds).
    expect(scope.read.size).toBeLessThanOrEqual(logs.length);
  });

  it('reads and saves only what lies within the window of a change', () => {
    const day = (d: number) => new Date(Date.UTC(2026, 0, d));
    const span = (conversationId: string, from: number, to: number, customerId = 'c1'): ConversationSpan => ({
      conversationId,
      customerId,
      firstAt: day(from),
      lastAt: day(to),
    });
    const spans = [
      span('long-ago', 1, 2),
      span('two-windows-back', 12, 13),
      span('one-window-back', 16, 17),
      span('changed', 20, 21),
      span('other-customer', 20, 21, 'c2'),
    ];
    const scope = recountScope(spans, new Set(['changed']), 3 * 86_400_000);
    expect([...scope.save].sort()).toEqual(['changed', 'one-window-back']);
    expect([...scope.read].sort()).toEqual(['changed', 'one-window-back', 'two-windows-back']);
  });
});
