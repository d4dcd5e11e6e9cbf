/**
 * The shared dev set (../shared/data/triage/dev.jsonl) is for measuring only: no sentence of it may
 * enter the repository — not as an example phrasing, a rule, a test, a comment or a regression case.
 * This test fails if any message of eight words or more (lower-cased, punctuation removed) appears
 * in a tracked (or new, not ignored) text file, so copying cannot come back unnoticed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
const devSetPath = join(repositoryRoot, '../shared/data/triage/dev.jsonl');
const available = existsSync(devSetPath);
const minimumWords = 8;

/** Lower case, apostrophes dropped ("don't" → "dont"), every other non-alphanumeric run a space. */
const words = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);

interface DevMessage {
  readonly id: string;
  readonly words: readonly string[];
}

const customerTexts = (line: string): { id: string; texts: string[] } => {
  const row: unknown = JSON.parse(line);
  if (typeof row !== 'object' || row === null) return { id: '?', texts: [] };
  const id = String(Reflect.get(row, 'id'));
  const messages: unknown = Reflect.get(row, 'messages');
  const texts = Array.isArray(messages)
    ? messages.flatMap((message: unknown) => {
        const text = typeof message === 'object' && message !== null ? Reflect.get(message, 'text') : null;
        return typeof text === 'string' ? [text] : [];
      })
    : [];
  return { id, texts };
};

/** Dev messages of eight words or more, keyed by their first eight words. */
const indexDevMessages = (): Map<string, DevMessage[]> => {
  const index = new Map<string, DevMessage[]>();
  for (const line of readFileSync(devSetPath, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const { id, texts } = customerTexts(line);
    for (const text of texts) {
      const message = words(text);
      if (message.length < minimumWords) continue;
      const key = message.slice(0, minimumWords).join(' ');
      const list = index.get(key) ?? [];
      list.push({ id, words: message });
      index.set(key, list);
    }
  }
  return index;
};

/** Every file git tracks, plus new files it does not ignore, that exist and hold text. */
const repositoryTextFiles = (): string[] =>
  execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repositoryRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
    .split('\0')
    .filter((file) => file !== '' && existsSync(join(repositoryRoot, file)));

const readText = (file: string): string | null => {
  const bytes = readFileSync(join(repositoryRoot, file));
  return bytes.includes(0) ? null : bytes.toString('utf8');
};

/** The dev messages that appear word for word in a text, as "id" strings. */
const copiedMessages = (text: string, index: ReadonlyMap<string, DevMessage[]>): string[] => {
  const fileWords = words(text);
  const found: string[] = [];
  for (let start = 0; start + minimumWords <= fileWords.length; start += 1) {
    const candidates = index.get(fileWords.slice(start, start + minimumWords).join(' '));
    if (!candidates) continue;
    for (const candidate of candidates) {
      const whole = candidate.words.every((word, offset) => fileWords[start + offset] === word);
      if (whole) found.push(candidate.id);
    }
  }
  return found;
};

describe.skipIf(!available)('the repository holds no benchmark text', () => {
  it('contains no dev-set message of eight words or more in any text file', () => {
    const index = indexDevMessages();
    expect(index.size).toBeGreaterThan(1000);
    const copies: string[] = [];
    for (const file of repositoryTextFiles()) {
      const text = readText(file);
      if (text === null) continue;
      for (const id of copiedMessages(text, index)) copies.push(`${file}: dev row ${id}`);
    }
    expect(copies, 'dev-set messages copied into the repository (rewrite them in your own words)').toEqual(
      [],
    );
  });

  it('would notice a copied message, whatever its case and punctuation', () => {
    const index = indexDevMessages();
    const [first] = index.values();
    const sample = first?.[0];
    expect(sample).toBeDefined();
    const disguised = `// ${(sample?.words ?? []).join(', ').toUpperCase()}!`;
    expect(copiedMessages(`before\n${disguised}\nafter`, index)).toContain(sample?.id);
  });
});

if (!available)
  console.warn(`No-benchmark-text check skipped: ${devSetPath} is absent (CI always has shared/data).`);
