/**
 * A trained category model as bytes and back, so an adapter can cache it by the content it learnt
 * from. Layout: "BCM1", a 4-byte header length, the header as JSON (names, vocabulary, sizes), then
 * the weight table, the biases and the inverse document frequencies, each 8-byte aligned.
 */
import type { CategoryModelState } from './category-model.ts';

const magic = 'BCM1';
/** Changes whenever the model's features or layout change, so an old cached model is never read. */
export const categoryModelFormat = 'bcm1-2026-12-05';

interface Header {
  readonly format: string;
  readonly names: readonly string[];
  readonly vocabulary: readonly string[];
  readonly usedHistory: boolean;
  readonly tableLength: number;
  readonly biasLength: number;
  readonly idfLength: number;
}

const align = (offset: number): number => Math.ceil(offset / 8) * 8;

/** The state as one byte array. */
export function encodeCategoryModel(state: CategoryModelState): Uint8Array {
  const header: Header = {
    format: categoryModelFormat,
    names: state.names,
    vocabulary: state.vocabulary,
    usedHistory: state.usedHistory,
    tableLength: state.table.length,
    biasLength: state.bias.length,
    idfLength: state.idf.length,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const tableAt = align(8 + headerBytes.length);
  const biasAt = align(tableAt + state.table.byteLength);
  const idfAt = align(biasAt + state.bias.byteLength);
  const bytes = new Uint8Array(idfAt + state.idf.byteLength);
  bytes.set(new TextEncoder().encode(magic), 0);
  new DataView(bytes.buffer).setUint32(4, headerBytes.length, true);
  bytes.set(headerBytes, 8);
  bytes.set(new Uint8Array(state.table.buffer, state.table.byteOffset, state.table.byteLength), tableAt);
  bytes.set(new Uint8Array(state.bias.buffer, state.bias.byteOffset, state.bias.byteLength), biasAt);
  bytes.set(new Uint8Array(state.idf.buffer, state.idf.byteOffset, state.idf.byteLength), idfAt);
  return bytes;
}

const isHeader = (value: unknown): value is Header =>
  typeof value === 'object' &&
  value !== null &&
  Reflect.get(value, 'format') === categoryModelFormat &&
  Array.isArray(Reflect.get(value, 'names')) &&
  Array.isArray(Reflect.get(value, 'vocabulary')) &&
  typeof Reflect.get(value, 'tableLength') === 'number' &&
  typeof Reflect.get(value, 'biasLength') === 'number' &&
  typeof Reflect.get(value, 'idfLength') === 'number';

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
  const tableAt = align(8 + headerLength);
  const biasAt = align(tableAt + header.tableLength * 4);
  const idfAt = align(biasAt + header.biasLength * 8);
  if (bytes.length !== idfAt + header.idfLength * 4) return null;
  // Copy into fresh, aligned buffers: the input may be a view at any offset (a Node Buffer's
  // slice shares memory, so copy explicitly).
  const copy = (from: number, length: number): ArrayBuffer => {
    const out = new Uint8Array(length);
    out.set(bytes.subarray(from, from + length));
    return out.buffer;
  };
  return {
    names: header.names.map(String),
    vocabulary: header.vocabulary.map(String),
    usedHistory: header.usedHistory === true,
    table: new Float32Array(copy(tableAt, header.tableLength * 4)),
    bias: new Float64Array(copy(biasAt, header.biasLength * 8)),
    idf: new Float32Array(copy(idfAt, header.idfLength * 4)),
  };
}
