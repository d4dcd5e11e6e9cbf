/** Compares two metrics reports number by number, to `digits` decimal places. */
import { expect } from 'vitest';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export const expectSameReport = (actual: unknown, expected: unknown, digits = 9, path = 'report'): void => {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(actual, path).toBeCloseTo(expected, digits);
    return;
  }
  if (!isRecord(expected) || !isRecord(actual)) {
    expect(actual, path).toEqual(expected);
    return;
  }
  expect(Object.keys(actual).sort(), `${path} keys`).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) {
    expectSameReport(actual[key], value, digits, `${path}.${key}`);
  }
};
