import { describe, expect, it } from 'vitest';
import { countTermsInto, createTermBuffer, weighTerms, weighTermsInto } from './feature-hashing.ts';
import { createRowLookup, lookUpRows, packWeightTable, sumWeightedRows } from './weight-table.ts';

const width = 3;
const featureTotal = 1 << 17;

/** A table where every third feature carries weights and every fifth has a smaller IDF. */
function smallModel(): { table: Float32Array; idf: Float32Array } {
  const table = new Float32Array(featureTotal * width);
  const idf = new Float32Array(featureTotal).fill(4.5);
  for (let feature = 0; feature < featureTotal; feature++) {
    if (feature % 3 === 0) table[feature * width + (feature % width)] = 0.25 + (feature % 7) / 10 - 0.5;
    if (feature % 5 === 0) idf[feature] = 1.5 + (feature % 4) / 4;
  }
  idf[12_346] = 2.75;
  return { table, idf };
}

describe('the packed weight table', () => {
  it('gives every feature its own IDF and weights, with a row or without one', () => {
    const { table, idf } = smallModel();
    const packed = packWeightTable(table, width, idf);
    expect(packed.unseenIdf).toBe(4.5);
    for (let feature = 0; feature < featureTotal; feature++) {
      const at = packed.rowAt[feature] ?? -1;
      if (at < 0) {
        expect(idf[feature]).toBe(packed.unseenIdf);
        expect([...table.subarray(feature * width, (feature + 1) * width)].every((w) => w === 0)).toBe(true);
      } else {
        expect(packed.rows[at]).toBe(idf[feature]);
        expect([...packed.rows.subarray(at + 1, at + 1 + width)]).toEqual([
          ...table.subarray(feature * width, (feature + 1) * width),
        ]);
      }
    }
    expect(packed.rowAt[12_346]).toBeGreaterThanOrEqual(0);
    expect(packed.rowAt[12_347]).toBe(-1);
  });

  it('sums a message exactly as the full table does, term by term in feature order', () => {
    const { table, idf } = smallModel();
    const packed = packWeightTable(table, width, idf);
    const terms = createTermBuffer();
    const lookup = createRowLookup();
    for (const text of ['where is my parcel', 'refund the refund please!!', '']) {
      countTermsInto(text, terms);
      lookUpRows(terms, packed, lookup);
      weighTermsInto(terms.indices, terms.counts, lookup.idf, terms.length, terms.values);
      const sums = new Float64Array(width);
      sumWeightedRows(terms, packed, lookup, sums);

      const { indices, values } = weighTerms(
        {
          words: terms.words,
          indices: terms.indices.slice(0, terms.length),
          counts: terms.counts.slice(0, terms.length),
        },
        idf,
      );
      expect([...terms.values.subarray(0, terms.length)]).toEqual([...values]);
      const expected = new Float64Array(width);
      indices.forEach((feature, k) => {
        for (let j = 0; j < width; j++)
          expected[j] = (expected[j] ?? 0) + (table[feature * width + j] ?? 0) * (values[k] ?? 0);
      });
      expect([...sums]).toEqual([...expected]);
    }
  });
});
