import { describe, expect, it } from 'vitest';
import { parseTriageLine } from './triage-line.ts';

describe('triage input lines', () => {
  it('reads a conversation and ignores unknown fields', () => {
    const parsed = parseTriageLine(
      JSON.stringify({
        id: 'c1',
        messages: [{ role: 'customer', text: 'hi', mood: 'ok' }],
        customer: { name: 'Ana', plan: 'pro', tier: 3 },
        queue: { waiting: 4, agentsAvailable: 2, avgHandleMinutes: 6 },
        label: { category: 'refund' },
      }),
    );
    expect(parsed).toEqual({
      kind: 'conversation',
      id: 'c1',
      messages: [{ role: 'customer', text: 'hi' }],
      customer: { name: 'Ana', plan: 'pro', externalId: null, email: null, fields: { tier: 3 } },
      queue: { waiting: 4, agentsAvailable: 2, avgHandleMinutes: 6 },
    });
  });

  it.each([
    ['{"id": "a", "messages": [', null, /malformed JSON/],
    ['{"id": "b"}', 'b', /^messages: /],
    ['{"id": "c", "messages": []}', 'c', /at least one message/],
    ['{"id": "d", "messages": [{"role": "ai", "text": "hello"}]}', 'd', /customer message/],
    ['{"id": "e", "messages": [{"role": "robot", "text": "x"}]}', 'e', /^messages\.0\.role: /],
    ['{"messages": [{"role": "customer", "text": "x"}]}', null, /^id: /],
    ['[1, 2]', null, /./],
  ])('turns the malformed line %s into an error naming what is wrong', (line, id, message) => {
    const parsed = parseTriageLine(line);
    expect(parsed.kind).toBe('error');
    if (parsed.kind === 'error') {
      expect(parsed.id).toBe(id);
      expect(parsed.error).toMatch(message);
    }
  });

  it('skips blank lines', () => {
    expect(parseTriageLine('   ')).toEqual({ kind: 'blank' });
  });
});
