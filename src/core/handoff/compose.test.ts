import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHandoffInput } from './build-handoff-input.ts';
import { composeHandoff } from './compose.ts';
import { lintHandoffMessage } from './lint-handoff.ts';
import { reasonCodes } from './reasons.ts';
import { repeatedPhrase, wordCount } from './repeated-phrase.ts';

const weekdays = {
  timeZone: 'Europe/Berlin',
  days: { '1': ['09:00', '17:00'], '5': ['09:00', '17:00'] },
} as const;
const nobodyOnShift = { waitingAhead: 0, agentsOnShift: 0, concurrency: 1, recentHandleMinutes: 6 };

/** The facts a message can state: numbers, quoted text, and "Label: value" pairs. */
const factsIn = (message: string): readonly string[] => [
  ...[...message.matchAll(/[$€£]?\d[\d.,:]*\d|[$€£]?\d/g)].map((match) => match[0]),
  ...[...message.matchAll(/“([^”]+)”/g)].map((match) => (match[1] ?? '').replace(/…$/, '')),
  ...[...message.matchAll(/[(;] ?([A-Z][a-z ]+): ([^;)]+)/g)].map((match) => `${match[1]}: ${match[2]}`),
];

describe('composeHandoff', () => {
  it('quotes the question, names the plan and the last payment, the team, the wait and the no-repeat promise', () => {
    const { message, waitMinutes } = composeHandoff(buildHandoffInput());
    expect(message).toContain('“Why is my charge this month $59 when last month it was $49?”');
    expect(message).toContain('Plan: Pro');
    expect(message).toContain('Last payment: $59.00; Paid on: 1 March 2025');
    expect(message).toContain('This needs a billing investigation');
    expect(message).toContain('Billing team');
    expect(message).toContain('about 9 minutes');
    expect(message).toContain('won’t have to repeat yourself');
    expect(waitMinutes).toBe(9);
  });

  it('states only facts that are in the packet', () => {
    const { message, packet } = composeHandoff(buildHandoffInput());
    const packetText = JSON.stringify(packet);
    for (const fact of factsIn(message)) {
      const [label, value] = fact.split(': ');
      if (value !== undefined && label !== undefined) {
        expect(packetText, fact).toContain(JSON.stringify(label));
        expect(packetText, fact).toContain(value.trim());
      } else {
        expect(packetText, fact).toContain(fact);
      }
    }
  });

  it('states only packet facts for any lookup values and queue', () => {
    const value = fc.stringMatching(/^[A-Za-z0-9$.]{1,12}$/);
    fc.assert(
      fc.property(
        value,
        value,
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 9 }),
        (a, b, ahead, agents) => {
          const input = buildHandoffInput({
            lookups: [
              {
                name: 'orders',
                label: 'your order',
                inputs: {},
                status: 'ok',
                fields: [
                  { label: 'Status', value: a },
                  { label: 'Carrier', value: b },
                ],
                error: null,
                latencyMs: 5,
              },
            ],
            queue: {
              waitingAhead: ahead,
              agentsOnShift: agents,
              concurrency: 1,
              freeSlots: 0,
              recentHandleMinutes: 7,
            },
          });
          const { message, packet } = composeHandoff(input);
          const packetText = JSON.stringify(packet);
          expect(message).toContain(`Status: ${a}; Carrier: ${b}`);
          for (const number of message.match(/\d+/g) ?? []) expect(packetText).toContain(number);
        },
      ),
      { numRuns: 60 },
    );
  });

  it.each(reasonCodes)('has all three parts when the only reason is %s and nothing was looked up', (code) => {
    const { message } = composeHandoff(
      buildHandoffInput({ reasons: [{ code, evidence: 'x' }], lookups: [], triedArticles: [] }),
    );
    expect(lintHandoffMessage(message)).toEqual({ ok: true, missing: [], notes: [] });
  });

  it('says plainly that a failed or timed-out lookup could not be checked', () => {
    const { message, packet } = composeHandoff(
      buildHandoffInput({
        lookups: [
          {
            name: 'payments',
            label: 'your payments',
            inputs: {},
            status: 'failed',
            fields: [],
            error: 'HTTP 500',
            latencyMs: 30,
          },
          {
            name: 'orders',
            label: 'your orders',
            inputs: {},
            status: 'timeout',
            fields: [],
            error: 'timed out',
            latencyMs: 3000,
          },
        ],
      }),
    );
    expect(message).toContain('I couldn’t check your payments or your orders just now.');
    expect(message).not.toContain('HTTP 500');
    expect(packet.lookups.map((lookup) => lookup.error)).toEqual(['HTTP 500', 'timed out']);
    expect(lintHandoffMessage(message).ok).toBe(true);
  });

  it('names when the team is back and promises no number when nobody is on shift out of hours', () => {
    const { message, waitMinutes, packet } = composeHandoff(
      buildHandoffInput({
        queue: nobodyOnShift,
        businessHours: weekdays,
        now: new Date('2025-03-07T18:00:00Z'),
      }),
    );
    expect(message).toContain('back on Monday at 09:00 (Europe/Berlin time)');
    expect(message).not.toMatch(/minute/);
    expect(waitMinutes).toBeNull();
    expect(packet.wait).toMatchObject({ kind: 'closed', backAt: '2025-03-10T08:00:00.000Z' });
    expect(lintHandoffMessage(message).ok).toBe(true);
  });

  it('says the team is not staffed and gives no number when there are no hours and nobody on shift', () => {
    const { message, waitMinutes } = composeHandoff(buildHandoffInput({ queue: nobodyOnShift }));
    expect(message).toContain('Nobody is online right now');
    expect(waitMinutes).toBeNull();
  });

  it('uses a team override from ops over the shipped wording', () => {
    const { message } = composeHandoff(
      buildHandoffInput({
        templates: {
          teams: { billing: { wait: { estimate: 'Our billing folks usually reply in {wait}.' } } },
        },
      }),
    );
    expect(message).toContain('Our billing folks usually reply in about 9 minutes.');
  });

  it('shortens a very long question at a word boundary with an ellipsis', () => {
    const question = `My invoice ${'is really quite wrong and '.repeat(20)}please fix it`;
    const { message, packet } = composeHandoff(buildHandoffInput({ question }));
    const quoted = /“([^”]+)”/.exec(message)?.[1] ?? '';
    expect(quoted.length).toBeLessThanOrEqual(201);
    expect(quoted.endsWith('…')).toBe(true);
    expect(question.startsWith(quoted.slice(0, -1))).toBe(true);
    expect(packet.question).toBe(question);
  });

  it('says at most two reasons, the most important first', () => {
    const { message } = composeHandoff(
      buildHandoffInput({
        reasons: [
          { code: 'low_confidence', evidence: '0.3' },
          { code: 'frustration', evidence: 'useless bot' },
          { code: 'human_requested', evidence: 'agent!!' },
        ],
      }),
    );
    expect(message).toContain('You asked to talk to a person');
    expect(message).toContain('frustrating');
    expect(message).not.toContain('wasn’t sure enough');
  });

  it('chooses the reasons of each handoff, whatever it chose for an earlier one', () => {
    const first = composeHandoff(buildHandoffInput()).message;
    const person = composeHandoff(
      buildHandoffInput({ reasons: [{ code: 'human_requested', evidence: 'agent' }] }),
    ).message;
    expect(first).toContain('This needs a billing investigation');
    expect(person).toContain('You asked to talk to a person');
    expect(person).not.toContain('This needs a billing investigation');
    expect(composeHandoff(buildHandoffInput()).message).toBe(first);
  });

  it('accepts the simple triage queue shape', () => {
    const { waitMinutes } = composeHandoff(
      buildHandoffInput({ queue: { waiting: 4, agentsAvailable: 2, avgHandleMinutes: 6 } }),
    );
    expect(waitMinutes).toBe(15);
  });

  it('names only articles relevant enough to cover the question, at most two', () => {
    const article = (slug: string, score: number) => ({ articleId: slug, slug, title: slug, score });
    const { message } = composeHandoff(
      buildHandoffInput({
        triedArticles: [
          article('Why did my bill change?', 0.71),
          article('Plans and prices', 0.55),
          article('Billing dates', 0.5),
          article('Two-factor authentication', 0.12),
        ],
      }),
    );
    expect(message).toContain('help articles “Why did my bill change?” and “Plans and prices”');
    expect(message).not.toContain('Billing dates');
    expect(message).not.toContain('Two-factor');
  });

  it('names no article when the customer just asked for a person', () => {
    const { message } = composeHandoff(
      buildHandoffInput({
        question: 'I want to speak to a human',
        reasons: [{ code: 'human_requested', evidence: 'speak to a human' }],
        lookups: [],
        triedArticles: [
          { articleId: 'contact', slug: 'contact', title: 'Contact us', score: 0.9 },
          { articleId: '2fa', slug: '2fa', title: 'Two-factor authentication', score: 0.5 },
        ],
      }),
    );
    expect(message).not.toMatch(/help article|Contact us|Two-factor/);
    expect(lintHandoffMessage(message)).toEqual({ ok: true, missing: [], notes: [] });
  });

  it('says "this needs …" once when two reasons would both say it', () => {
    const { message } = composeHandoff(
      buildHandoffInput({
        reasons: [
          { code: 'high_risk_category', evidence: 'billing' },
          { code: 'agent_requested_by_rule', evidence: 'rule' },
        ],
      }),
    );
    expect(message.match(/needs a billing investigation/g)).toHaveLength(1);
    expect(repeatedPhrase(message)).toBeNull();
  });

  it.each(reasonCodes.flatMap((a) => reasonCodes.filter((b) => b !== a).map((b) => [a, b] as const)))(
    'repeats no six-word phrase for the reasons %s and %s',
    (first, second) => {
      const { message } = composeHandoff(
        buildHandoffInput({
          reasons: [
            { code: first, evidence: 'x' },
            { code: second, evidence: 'y' },
          ],
          queue: nobodyOnShift,
        }),
      );
      expect(repeatedPhrase(message)).toBeNull();
    },
  );

  it('promises no "account details above" when nothing was looked up', () => {
    const { message } = composeHandoff(buildHandoffInput({ lookups: [] }));
    expect(message).not.toMatch(/details above/);
    expect(message).toContain('Billing team');
  });

  it('keeps account facts short: at most two per lookup and four in all', () => {
    const field = (n: number) => ({ label: `Field ${n}`, value: `value ${n}` });
    const lookup = (name: string, fields: number[]) => ({
      name,
      label: `your ${name}`,
      inputs: {},
      status: 'ok' as const,
      fields: fields.map(field),
      error: null,
      latencyMs: 5,
    });
    const { message, packet } = composeHandoff(
      buildHandoffInput({
        lookups: [lookup('subscription', [1, 2, 3]), lookup('payments', [4, 5, 6]), lookup('order', [7, 8])],
      }),
    );
    expect(message).toContain('your subscription (Field 1: value 1; Field 2: value 2)');
    expect(message).toContain('your payments (Field 4: value 4; Field 5: value 5)');
    expect(message).toContain('and your order.');
    expect(message).not.toMatch(/Field [3678]/);
    expect(packet.lookups.flatMap((l) => l.fields)).toHaveLength(8);
  });

  it('stays under 80 words for a typical no-answer handoff out of hours', () => {
    const { message } = composeHandoff(
      buildHandoffInput({
        question: 'Can I change the colour of my order?',
        category: 'order_status',
        reasons: [{ code: 'no_answer', evidence: 'nothing above the floor' }],
        lookups: [],
        triedArticles: [],
        team: { key: 'orders', name: 'Orders & delivery' },
        queue: nobodyOnShift,
      }),
    );
    expect(wordCount(message)).toBeLessThanOrEqual(80);
  });
});
