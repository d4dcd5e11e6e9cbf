import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv.ts';

describe('parseCsv', () => {
  it('keeps commas, doubled quotes and newlines inside quoted fields', () => {
    const rows = parseCsv('id,notes,n\r\na,"x, y ""z""",1\nb,"two\nlines",\n');
    expect(rows).toEqual([
      { id: 'a', notes: 'x, y "z"', n: '1' },
      { id: 'b', notes: 'two\nlines', n: '' },
    ]);
  });

  it('reads a last row without a trailing newline and ignores blank lines', () => {
    expect(parseCsv('a,b\n\n1,2')).toEqual([{ a: '1', b: '2' }]);
  });
});
