import { describe, expect, it } from 'vitest';
import { assumedResolution } from './assumed-resolution.ts';

const now = new Date('2026-11-24T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);

describe('assumed resolution', () => {
  it('resolves by the AI when the customer stayed quiet for a day after its answer', () => {
    expect(
      assumedResolution(
        { state: 'ai', lastAuthor: 'ai', lastMessageAt: hoursAgo(25), aiAnswered: true },
        now,
      ),
    ).toBe('ai');
  });

  it('waits while the window is still open', () => {
    expect(
      assumedResolution({ state: 'ai', lastAuthor: 'ai', lastMessageAt: hoursAgo(3), aiAnswered: true }, now),
    ).toBeNull();
  });

  it('marks a conversation the customer left before any answer as abandoned', () => {
    expect(
      assumedResolution(
        { state: 'ai', lastAuthor: 'customer', lastMessageAt: hoursAgo(30), aiAnswered: false },
        now,
      ),
    ).toBe('abandoned');
  });

  it('never touches a conversation a person holds', () => {
    expect(
      assumedResolution(
        { state: 'queued', lastAuthor: 'ai', lastMessageAt: hoursAgo(30), aiAnswered: true },
        now,
      ),
    ).toBeNull();
  });
});
