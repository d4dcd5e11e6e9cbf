import { beforeAll, describe, expect, it } from 'vitest';
import { buildTriageEngine, type TriageEngine } from '../../../adapters/triage/run-triage-file.ts';
import { triageConversation } from '../triage-conversation.ts';
import { regressionSet } from './regression-set.ts';

// The shipped default policy, category model and demo knowledge base, end to end.
let engine: TriageEngine;
beforeAll(async () => {
  engine = await buildTriageEngine({});
});

describe('triage regression set', () => {
  it('has between 40 and 60 cases', () => {
    expect(regressionSet.length).toBeGreaterThanOrEqual(40);
    expect(regressionSet.length).toBeLessThanOrEqual(60);
  });

  it.each(regressionSet.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
    const result = await triageConversation({
      ...engine,
      messages: entry.messages,
      now: new Date('2026-11-24T11:00:00Z'),
    });
    const codes = result.reasons.map((reason) => reason.code);
    if (entry.action !== 'any') expect(result.action).toBe(entry.action);
    expect(codes).toEqual(expect.arrayContaining([...(entry.reasons ?? [])]));
    for (const code of entry.absent ?? []) expect(codes).not.toContain(code);
  });
});
