/**
 * Web app sizes (issue 15): what a browser downloads to show each page, raw and gzipped, from a fresh
 * `vite build`. With `--baseline REV` it also builds the web app of an earlier git revision the same
 * way, so the figures can be read against it.
 *
 *   npx tsx bench/web-size/run.ts [--baseline 03ef030] [--no-build]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, buildRevision } from './build.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};

interface Size {
  readonly raw: number;
  readonly gzip: number;
}
const sizeOf = (dist: string, files: readonly string[]): Size =>
  files.reduce(
    (total, file) => {
      const bytes = readFileSync(join(dist, file));
      return { raw: total.raw + bytes.byteLength, gzip: total.gzip + gzipSync(bytes).byteLength };
    },
    { raw: 0, gzip: 0 },
  );

/** A chunk and every chunk it imports statically, as the browser loads them before running it. */
const withStaticImports = (dist: string, file: string, seen = new Set<string>()): Set<string> => {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(dist, file), 'utf8');
  for (const match of code.matchAll(
    /(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([\w.-]+\.js)["']/g,
  )) {
    withStaticImports(dist, `assets/${match[1]}`, seen);
  }
  return seen;
};

const entryScripts = (dist: string, page: string): string[] =>
  [...readFileSync(join(dist, page), 'utf8').matchAll(/<script[^>]+src="\/([^"]+\.js)"/g)].map(
    (m) => m[1] ?? '',
  );

/** JavaScript per page: the page's entry, plus the lazily loaded chunk of its route. */
const pages = (dist: string) => {
  const rows: { page: string; files: string[] }[] = [];
  if (existsSync(join(dist, 'chat.html'))) {
    rows.push({ page: 'customer chat (/chat, widget panel)', files: entryScripts(dist, 'chat.html') });
  }
  const staffEntry = entryScripts(dist, 'index.html');
  const entryFiles = [...new Set(staffEntry.flatMap((file) => [...withStaticImports(dist, file)]))];
  const entryCode = entryFiles.map((file) => readFileSync(join(dist, file), 'utf8')).join('\n');
  const lazy = [...entryCode.matchAll(/import\(["'`]\.\/([\w.-]+\.js)["'`]\)/g)].map((m) => `assets/${m[1]}`);
  if (lazy.length === 0) rows.push({ page: 'every page (one bundle)', files: entryFiles });
  for (const chunk of new Set(lazy)) {
    const name = /assets\/([a-z-]+)-/.exec(chunk)?.[1] ?? chunk;
    rows.push({
      page: `staff: ${name}`,
      files: [...new Set([...entryFiles, ...withStaticImports(dist, chunk)])],
    });
  }
  return rows.map((row) => {
    const js = row.files.filter((file) => file.endsWith('.js'));
    const size = sizeOf(dist, js);
    return {
      page: row.page,
      files: js.length,
      rawKB: +(size.raw / 1024).toFixed(1),
      gzipKB: +(size.gzip / 1024).toFixed(1),
    };
  });
};

const dist = process.argv.includes('--no-build') ? join(repo, 'web/dist') : build(repo);
const loader = sizeOf(dist, ['widget.js']);
console.log(`widget.js loader: ${loader.raw} bytes raw, ${loader.gzip} bytes gzipped`);
console.log('JavaScript a browser downloads per page (gzip level 6, as the server sends it):');
console.table(pages(dist));

const baseline = argument('--baseline');
if (baseline) {
  const old = buildRevision(baseline);
  try {
    const oldLoader = sizeOf(old.dist, ['widget.js']);
    console.log(`baseline ${baseline}: widget.js ${oldLoader.raw} bytes raw; JavaScript per page:`);
    console.table(pages(old.dist));
  } finally {
    old.cleanup();
  }
}
