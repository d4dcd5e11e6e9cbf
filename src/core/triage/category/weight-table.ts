/**
 * The category model's weights as classification reads them. Reading a message is mostly waiting
 * for memory (a hundred-odd scattered rows per message), so the table holds only the features that
 * carry anything, each row starting with the feature's inverse document frequency: one trip to
 * memory gives both the weight of a term and what it adds to every class.
 */
import type { TermBuffer } from './feature-hashing.ts';

export interface WeightTable {
  /** Where each feature's row starts in `rows`, or -1 for a feature no training text had. */
  readonly rowAt: Int32Array;
  /** Per feature with a row: its IDF, then its `width` weights. */
  readonly rows: Float32Array;
  readonly width: number;
  /** The IDF of every feature without a row (the largest: the IDF of a term no training text had). */
  readonly unseenIdf: number;
}

/** Each term's row start (or -1) and IDF, in buffers reused from message to message. */
export interface RowLookup {
  rowStarts: Int32Array;
  idf: Float32Array;
}

export function createRowLookup(): RowLookup {
  return { rowStarts: new Int32Array(256), idf: new Float32Array(256) };
}

/**
 * Packs `table` (`width` weights per feature) with `idf`. A feature gets a row when it has a weight
 * or an IDF other than the largest; every feature left out has an all-zero row (adding its zero
 * products leaves every sum as it was, bit for bit) and exactly the largest IDF. Most of the hashed
 * space is such features, so the table is a few megabytes instead of fourteen.
 */
export function packWeightTable(table: Float32Array, width: number, idf: Float32Array): WeightTable {
  let unseenIdf = 0;
  for (let feature = 0; feature < idf.length; feature++) unseenIdf = Math.max(unseenIdf, idf[feature] ?? 0);
  const stride = width + 1;
  const rowAt = new Int32Array(idf.length).fill(-1);
  let rowCount = 0;
  for (let feature = 0; feature < rowAt.length; feature++) {
    if (hasWeight(table, feature * width, width) || idf[feature] !== unseenIdf)
      rowAt[feature] = rowCount++ * stride;
  }
  const rows = new Float32Array(rowCount * stride);
  for (let feature = 0; feature < rowAt.length; feature++) {
    const at = rowAt[feature] ?? -1;
    if (at < 0) continue;
    rows[at] = idf[feature] ?? 0;
    rows.set(table.subarray(feature * width, (feature + 1) * width), at + 1);
  }
  return { rowAt, rows, width, unseenIdf };
}

function hasWeight(table: Float32Array, from: number, width: number): boolean {
  for (let at = from; at < from + width; at++) if (table[at] !== 0) return true;
  return false;
}

/**
 * Finds each term's row and IDF. A pass of its own, before any sum: the lookups do not depend on
 * each other, so the processor has many of them on their way from memory at once.
 */
export function lookUpRows(terms: TermBuffer, table: WeightTable, lookup: RowLookup): void {
  if (lookup.rowStarts.length < terms.length) {
    lookup.rowStarts = new Int32Array(terms.indices.length);
    lookup.idf = new Float32Array(terms.indices.length);
  }
  const { indices, length } = terms;
  const { rowAt, rows, unseenIdf } = table;
  const { rowStarts, idf } = lookup;
  for (let k = 0; k < length; k++) {
    const at = rowAt[indices[k] ?? 0] ?? -1;
    rowStarts[k] = at;
    idf[k] = at < 0 ? unseenIdf : (rows[at] ?? 0);
  }
}

/**
 * Clears `sums`, then adds each term's weights times the term's value, terms in feature order (the
 * order every sum has always been taken in). A module function of its arguments, not a closure over
 * the model: V8 then keeps the arrays in registers, which halves this loop.
 */
export function sumWeightedRows(
  terms: TermBuffer,
  table: WeightTable,
  lookup: RowLookup,
  sums: Float64Array,
): void {
  const { values, length } = terms;
  const { rows, width } = table;
  const { rowStarts } = lookup;
  sums.fill(0);
  for (let k = 0; k < length; k++) {
    const at = rowStarts[k] ?? -1;
    if (at < 0) continue;
    const value = values[k] ?? 0;
    for (let j = 0; j < width; j++) sums[j] = (sums[j] ?? 0) + (rows[at + 1 + j] ?? 0) * value;
  }
}
