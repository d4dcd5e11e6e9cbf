import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLineWriter } from './line-writer.ts';

let folder: string | null = null;
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
  folder = null;
});

const writeLines = async (lines: readonly string[]): Promise<string> => {
  folder = await mkdtemp(join(tmpdir(), 'baton-line-writer-'));
  const file = join(folder, 'out.jsonl');
  const stream = createWriteStream(file);
  const writer = createLineWriter(stream);
  for (const line of lines) if (writer.line(line)) await writer.flush();
  await writer.flush();
  await new Promise<void>((resolve, reject) =>
    stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return readFile(file, 'utf8');
};

describe('createLineWriter', () => {
  it('writes every line once, in order, across many buffer fills, with multi-byte characters intact', async () => {
    const lines = Array.from(
      { length: 40_000 },
      (_, i) => `{"id":"c${i}","message":"You asked: “where is order ${i}?” — we’re on it › 🚚"}`,
    );
    expect(await writeLines(lines)).toBe(`${lines.join('\n')}\n`);
  });

  it('writes a line longer than its buffer whole', async () => {
    const long = `{"text":"${'é'.repeat(600_000)}"}`;
    const lines = ['{"id":"a"}', long, '{"id":"b"}'];
    expect(await writeLines(lines)).toBe(`${lines.join('\n')}\n`);
  });

  it('fills a buffer again only after a slow stream wrote it out', async () => {
    const written: Buffer[] = [];
    // Copies each chunk only when it finishes "writing" a tick later, as a file stream may.
    const slow = new Writable({
      // Above the writer's buffer size: the stream never asks to wait, so only the write callback says a buffer is free.
      highWaterMark: 8 << 20,
      write(chunk: Buffer, _encoding, done) {
        setImmediate(() => {
          written.push(Buffer.from(chunk));
          done();
        });
      },
    });
    const writer = createLineWriter(slow);
    const lines = Array.from({ length: 60_000 }, (_, i) => `{"id":"c${i}","text":"“${'x'.repeat(i % 90)}”"}`);
    for (const line of lines) if (writer.line(line)) await writer.flush();
    await writer.flush();
    await new Promise<void>((resolve) => slow.end(resolve));
    expect(Buffer.concat(written).toString('utf8')).toBe(`${lines.join('\n')}\n`);
  });

  it('writes nothing for no lines', async () => {
    expect(await writeLines([])).toBe('');
  });
});
