/**
 * The lines of a text stream, a chunk's worth at a time, split where `node:readline` splits them
 * (`\n`, `\r\n` or a lone `\r`, with `crlfDelay: Infinity`). Why not readline's async iterator:
 * it costs a promise and a microtask hop per line, and the per-line loop of `baton triage` is the
 * hot path; a batch per 64 KB chunk costs one.
 */
import type { Readable } from 'node:stream';

const lineBreak = /\r\n|\n|\r/g;

/**
 * The complete lines of `text` and what follows the last line break. With `atEnd` false a `\r`
 * last in the text stays in the rest: the next chunk may start with the `\n` of its `\r\n`.
 */
export const splitLines = (text: string, atEnd: boolean): { lines: string[]; rest: string } => {
  const lines: string[] = [];
  let start = 0;
  if (!text.includes('\r')) {
    // Nearly every file: only `\n`, found by indexOf, faster than the regex.
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      lines.push(text.slice(start, end));
      start = end + 1;
    }
  } else {
    lineBreak.lastIndex = 0;
    for (let found = lineBreak.exec(text); found !== null; found = lineBreak.exec(text)) {
      if (!atEnd && found[0] === '\r' && found.index === text.length - 1) break;
      lines.push(text.slice(start, found.index));
      start = lineBreak.lastIndex;
    }
  }
  const rest = text.slice(start);
  if (atEnd && rest !== '') return { lines: [...lines, rest], rest: '' };
  return { lines, rest };
};

/** Reads `input` as UTF-8 and yields its lines in order, in batches, the last line without a break included. */
export async function* textLineBatches(input: Readable): AsyncGenerator<string[]> {
  input.setEncoding('utf8');
  let rest = '';
  for await (const chunk of input as AsyncIterable<string>) {
    // A chunk inside a long line is only gathered: scanning the gathered part again for each such
    // chunk would make a line of n chunks cost n² in searching.
    if (!chunk.includes('\n') && !chunk.includes('\r')) {
      rest += chunk;
      continue;
    }
    const split = splitLines(rest + chunk, false);
    rest = split.rest;
    if (split.lines.length > 0) yield split.lines;
  }
  const last = splitLines(rest, true);
  if (last.lines.length > 0) yield last.lines;
}
