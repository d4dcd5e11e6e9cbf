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
  /** The row starts and term values of only the terms that have a row (see `sumWeightedRows`). */
  foundStarts: Int32Array;
  foundValues: Float32Array;
}

export function createRowLookup(): RowLookup {
  return {
    rowStarts: new Int32Array(256),
    idf: new Float32Array(256),
    foundStarts: new Int32Array(256),
    foundValues: new Float32Array(256),
  };
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
 *
 * The terms with a row are taken four at a time: `sums[j] + a + b + c + d` adds left to right, so
 * every sum sees exactly the additions it always did, in the same order, while each `sums[j]` is
 * loaded and stored once per four rows rather than once per row.
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
  const found = keepRowsFound(rowStarts, values, length, lookup);
  const { foundStarts, foundValues } = lookup;
  let k = 0;
  for (; k + 4 <= found; k += 4) {
    const a = (foundStarts[k] ?? 0) + 1;
    const b = (foundStarts[k + 1] ?? 0) + 1;
    const c = (foundStarts[k + 2] ?? 0) + 1;
    const d = (foundStarts[k + 3] ?? 0) + 1;
    const va = foundValues[k] ?? 0;
    const vb = foundValues[k + 1] ?? 0;
    const vc = foundValues[k + 2] ?? 0;
    const vd = foundValues[k + 3] ?? 0;
    for (let j = 0; j < width; j++) {
      sums[j] =
        (sums[j] ?? 0) +
        (rows[a + j] ?? 0) * va +
        (rows[b + j] ?? 0) * vb +
        (rows[c + j] ?? 0) * vc +
        (rows[d + j] ?? 0) * vd;
    }
  }
  for (; k < found; k++) {
    const at = (foundStarts[k] ?? 0) + 1;
    const value = foundValues[k] ?? 0;
    for (let j = 0; j < width; j++) sums[j] = (sums[j] ?? 0) + (rows[at + j] ?? 0) * value;
  }
}

/** The row starts and values of the terms that have a row, in order, into `lookup`; returns how many. */
function keepRowsFound(
  rowStarts: Int32Array,
  values: Float32Array,
  length: number,
  lookup: RowLookup,
): number {
  if (lookup.foundStarts.length < length) {
    lookup.foundStarts = new Int32Array(rowStarts.length);
    lookup.foundValues = new Float32Array(rowStarts.length);
  }
  const { foundStarts, foundValues } = lookup;
  let found = 0;
  for (let k = 0; k < length; k++) {
    const at = rowStarts[k] ?? -1;
    if (at < 0) continue;
    foundStarts[found] = at;
    foundValues[found++] = values[k] ?? 0;
  }
  return found;
}
