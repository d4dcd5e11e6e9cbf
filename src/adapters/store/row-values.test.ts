import { describe, expect, it } from 'vitest';
import { actorOf, businessHoursOf, citationsOf, isUuid, numberOf, oneOf, recordOf } from './row-values.ts';

describe('row values read back from the database', () => {
  it('accepts every actor shape and rejects an agent without an id', () => {
    expect(actorOf({ kind: 'agent', id: 'a1' })).toEqual({ kind: 'agent', id: 'a1' });
    expect(actorOf({ kind: 'ai', extra: 1 })).toEqual({ kind: 'ai' });
    expect(() => actorOf({ kind: 'agent' })).toThrow('unexpected actor');
    expect(() => actorOf('system')).toThrow('unexpected actor');
  });

  it('rejects a value outside an allowed list', () => {
    expect(oneOf(['ai', 'queued'] as const, 'queued', 'state')).toBe('queued');
    expect(() => oneOf(['ai', 'queued'] as const, 'closed', 'state')).toThrow(
      'unexpected state in the database: "closed"',
    );
  });

  it('reads business hours, keeping only weekdays 1–7', () => {
    const stored = { timeZone: 'UTC', days: { '1': ['08:00', '16:00'], '8': ['x', 'y'] } };
    expect(businessHoursOf(stored)).toEqual({ timeZone: 'UTC', days: { '1': ['08:00', '16:00'] } });
    expect(businessHoursOf(null)).toBeNull();
    expect(() => businessHoursOf({ timeZone: 'UTC', days: { '2': ['08:00'] } })).toThrow('business hours');
  });

  it('reads citations and rejects an incomplete one', () => {
    const citation = { articleId: 'a', slug: 's', title: 't' };
    expect(citationsOf([citation])).toEqual([citation]);
    expect(() => citationsOf([{ articleId: 'a' }])).toThrow('citation');
    expect(() => citationsOf({})).toThrow('citations');
  });

  it('reads records and numbers, including bigint counts sent as strings', () => {
    expect(recordOf({ a: 1 }, 'profile')).toEqual({ a: 1 });
    expect(() => recordOf([1], 'profile')).toThrow('profile');
    expect(numberOf('12', 'count')).toBe(12);
    expect(() => numberOf('twelve', 'count')).toThrow('count');
  });

  it('recognises uuids only', () => {
    expect(isUuid('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
    expect(isUuid('0f8fad5b-d9cb-469f-a165-70867728950e; drop table x')).toBe(false);
  });
});
