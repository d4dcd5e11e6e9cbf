import { describe, expect, it } from 'vitest';
import { csvFileName, toCsv } from './analytics-csv.ts';

describe('analytics CSV', () => {
  it('writes a header and a line per row, quoting what needs it and leaving nulls empty', () => {
    expect(
      toCsv(
        ['period', 'team', 'rate'],
        [
          ['2026-11-30', 'billing, EU', 0.5],
          ['2026-12-01', 'say "hi"', null],
        ],
      ),
    ).toBe('period,team,rate\r\n2026-11-30,"billing, EU",0.5\r\n2026-12-01,"say ""hi""",\r\n');
  });

  it('names the file after what it holds and the days it covers', () => {
    expect(csvFileName('Over time by week', '2026-11-01', '2026-11-30')).toBe(
      'baton-over-time-by-week-2026-11-01-to-2026-11-30.csv',
    );
  });
});
