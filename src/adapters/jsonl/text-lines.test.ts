import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { textLineBatches } from './text-lines.ts';

const streamOf = (chunks: readonly (string | Buffer)[]) =>
  Readable.from(
    chunks.map((chunk) => Buffer.from(chunk)),
    { objectMode: false },
  );

const linesOf = async (chunks: readonly (string | Buffer)[]): Promise<string[]> => {
  const lines: string[] = [];
  for await (const batch of textLineBatches(streamOf(chunks))) lines.push(...batch);
  return lines;
};

const readlineLines = async (text: string): Promise<string[]> => {
  const lines: string[] = [];
  for await (const line of createInterface({ input: streamOf([text]), crlfDelay: Number.POSITIVE_INFINITY }))
    lines.push(line);
  return lines;
};

const texts = [
  '',
  '\n',
  'one',
  'one\ntwo\n',
  'one\r\ntwo\r\n\r\nthree',
  'one\rtwo\r\rthree\r',
  'a\r\n\rb\n\r\nc\r',
  '{"text":"“quoted” › ok"}\n{"id":2}\n\n  \n{"id":3}',
];

describe('textLineBatches', () => {
  it('splits into the lines readline reads, wherever the chunks break (also inside \\r\\n)', async () => {
    for (const text of texts) {
      const expected = await readlineLines(text);
      const bytes = Buffer.from(text, 'utf8');
      expect(await linesOf([text])).toEqual(expected);
      // Every split into two chunks, also through a multi-byte character.
      for (let at = 0; at <= bytes.length; at += 1) {
        const chunks = [bytes.subarray(0, at), bytes.subarray(at)];
        expect(await linesOf(chunks), JSON.stringify({ text, at })).toEqual(expected);
      }
      // One character per chunk: a long line gathered across many chunks.
      expect(await linesOf([...text])).toEqual(expected);
    }
  });
});
