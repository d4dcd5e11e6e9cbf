/**
 * A trained category model as bytes and back, so an adapter can cache it by the content it learnt
 * from. Layout: "BCM2", a 4-byte header length, the header as JSON (names, vocabulary, sizes, the
 * packed table's width and unseen IDF, the fine intents' names), then the packed weight table's row
 * starts and rows, the biases, the inverse document frequencies and the fine-intent head's
 * features, weights and biases, each 8-byte aligned.
 *
 * The weight table is stored packed, as classification reads it: a few megabytes that decoding
 * only views, where the dense table was eighteen megabytes to read and then pack at every start.
 */
import type { CategoryModelState } from './category-model.ts';

const magic = 'BCM2';
/** Changes whenever the model's features or layout change, so an old cached model is never read. */
export const categoryModelFormat = 'bcm2-2026-12-07-packed-table';

interface Header {
  readonly format: string;
  readonly names: readonly string[];
  readonly vocabulary: readonly string[];
  readonly usedHistory: boolean;
  /** The packed weight table: row starts (one per feature), rows, weights per row, the unseen IDF. */
  readonly rowAtLength: number;
  readonly rowsLength: number;
  readonly width: number;
  readonly unseenIdf: number;
  readonly biasLength: number;
  readonly idfLength: number;
  readonly intents: {
    readonly names: readonly string[];
    readonly categories: readonly string[];
    readonly featureLength: number;
    readonly weightLength: number;
    readonly biasLength: number;
  } | null;
}

const align = (offset: number): number => Math.ceil(offset / 8) * 8;

/** The state as one byte array. */
export function encodeCategoryModel(state: CategoryModelState): Uint8Array {
  const head = state.intentHead;
  const header: Header = {
    format: categoryModelFormat,
    names: state.names,
    vocabulary: state.vocabulary,
    usedHistory: state.usedHistory,
    rowAtLength: state.weights.rowAt.length,
    rowsLength: state.weights.rows.length,
    width: state.weights.width,
    unseenIdf: state.weights.unseenIdf,
    biasLength: state.bias.length,
    idfLength: state.idf.length,
    intents: head
      ? {
          names: head.names,
          categories: head.categories,
          featureLength: head.features.length,
          weightLength: head.weights.length,
          biasLength: head.bias.length,
        }
      : null,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const arrays: readonly ArrayBufferView[] = [
    state.weights.rowAt,
    state.weights.rows,
    state.bias,
    state.idf,
    ...(head ? [head.features, head.weights, head.bias] : []),
  ];
  const offsets: number[] = [];
  let end = align(8 + headerBytes.length);
  for (const array of arrays) {
    offsets.push(end);
    end = align(end + array.byteLength);
  }
  const bytes = new Uint8Array(end);
  bytes.set(new TextEncoder().encode(magic), 0);
  new DataView(bytes.buffer).setUint32(4, headerBytes.length, true);
  bytes.set(headerBytes, 8);
  arrays.forEach((array, index) => {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offsets[index] ?? 0);
  });
  return bytes;
}

const isHeader = (value: unknown): value is Header =>
  typeof value === 'object' &&
  value !== null &&
  Reflect.get(value, 'format') === categoryModelFormat &&
  Array.isArray(Reflect.get(value, 'names')) &&
  Array.isArray(Reflect.get(value, 'vocabulary')) &&
  typeof Reflect.get(value, 'rowAtLength') === 'number' &&
  typeof Reflect.get(value, 'rowsLength') === 'number' &&
  typeof Reflect.get(value, 'width') === 'number' &&
  typeof Reflect.get(value, 'unseenIdf') === 'number' &&
  typeof Reflect.get(value, 'biasLength') === 'number' &&
  typeof Reflect.get(value, 'idfLength') === 'number' &&
  isIntentHeader(Reflect.get(value, 'intents'));

function isIntentHeader(value: unknown): boolean {
  if (value === null) return true;
  return (
    typeof value === 'object' &&
    value !== undefined &&
    Array.isArray(Reflect.get(value, 'names')) &&
    Array.isArray(Reflect.get(value, 'categories')) &&
    typeof Reflect.get(value, 'featureLength') === 'number' &&
    typeof Reflect.get(value, 'weightLength') === 'number' &&
    typeof Reflect.get(value, 'biasLength') === 'number'
  );
}

/** The state back from bytes; null when they are not a model of this format (retrain instead). */
export function decodeCategoryModel(bytes: Uint8Array): CategoryModelState | null {
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== magic) return null;
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
  } catch {
    return null;
  }
  if (!isHeader(header)) return null;
  let at = align(8 + headerLength);
  // Typed arrays need aligned memory: when the bytes start on an 8-byte boundary (a whole file
  // read into its own buffer) the arrays are views of them, which spares copying a large model on
  // every start; otherwise (a view at any offset) each part is copied into a fresh buffer.
  const aligned = bytes.byteOffset % 8 === 0;
  const next = (byteLength: number): { buffer: ArrayBufferLike; offset: number } | null => {
    if (at + byteLength > bytes.length) return null;
    const from = at;
    at = align(at + byteLength);
    if (aligned) return { buffer: bytes.buffer, offset: bytes.byteOffset + from };
    const out = new Uint8Array(byteLength);
    out.set(bytes.subarray(from, from + byteLength));
    return { buffer: out.buffer, offset: 0 };
  };
  const rowAt = next(header.rowAtLength * 4);
  const rows = next(header.rowsLength * 4);
  const bias = next(header.biasLength * 8);
  const idf = next(header.idfLength * 4);
  const intents = header.intents;
  const features = intents ? next(intents.featureLength * 4) : null;
  const weights = intents ? next(intents.weightLength * 4) : null;
  const intentBias = intents ? next(intents.biasLength * 8) : null;
  if (!rowAt || !rows || !bias || !idf || at !== bytes.length) return null;
  // The classifier reads rows of this width for this many classes: anything else is not this model.
  if (header.width !== 2 * header.names.length + 1 || header.rowsLength % (header.width + 1) !== 0)
    return null;
  return {
    names: header.names.map(String),
    vocabulary: header.vocabulary.map(String),
    usedHistory: header.usedHistory === true,
    // The packed table is copied out of the file's bytes (3 MB, about a millisecond): classifying
    // read it about 3% slower per conversation as a view into the Buffer (bench/triage compare-checkouts).
    weights: {
      rowAt: new Int32Array(rowAt.buffer, rowAt.offset, header.rowAtLength).slice(),
      rows: new Float32Array(rows.buffer, rows.offset, header.rowsLength).slice(),
      width: header.width,
      unseenIdf: header.unseenIdf,
    },
    bias: new Float64Array(bias.buffer, bias.offset, header.biasLength),
    idf: new Float32Array(idf.buffer, idf.offset, header.idfLength),
    intentHead:
      intents && features && weights && intentBias
        ? {
            names: intents.names.map(String),
            categories: intents.categories.map(String),
            features: new Int32Array(features.buffer, features.offset, intents.featureLength),
            weights: new Float32Array(weights.buffer, weights.offset, intents.weightLength),
            bias: new Float64Array(intentBias.buffer, intentBias.offset, intents.biasLength),
          }
        : null,
  };
}
