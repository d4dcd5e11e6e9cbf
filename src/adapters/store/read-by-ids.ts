/**
 * Reads rows by id however many ids there are: each read passes one slice of them as a single
 * array parameter (a list of placeholders stops at 65,535), ids that cannot be rows skipped.
 */
import { isUuid } from './row-values.ts';

/** Ids per read: results of a bounded size. */
const SLICE = 5000;

export const readByIds = async <Row>(
  ids: readonly string[],
  read: (slice: readonly string[]) => Promise<readonly Row[]>,
): Promise<Row[]> => {
  const wanted = [...new Set(ids.filter(isUuid))];
  const rows: Row[] = [];
  for (let start = 0; start < wanted.length; start += SLICE) {
    rows.push(...(await read(wanted.slice(start, start + SLICE))));
  }
  return rows;
};
