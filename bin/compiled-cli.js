// The compiled fast path of `baton triage`: the CLI's TypeScript bundled once into plain JavaScript
// with esbuild, kept in node_modules/.cache/baton and rebuilt only when a source file it was built
// from changed (size or modification time). Starting it costs a module parse instead of compiling
// every TypeScript file on each run. Any failure returns null and the caller runs the TypeScript
// through tsx as before, so a missing or read-only cache never stops the command.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cacheFolder = join(root, 'node_modules', '.cache', 'baton');
const bundleFolder = join(cacheFolder, 'cli');
const bundleFile = join(bundleFolder, 'main.js');
const manifestFile = join(cacheFolder, 'cli.inputs.json');
const entry = join(root, 'src', 'cli', 'main.ts');

/** Size and modification time of a file, or null when it is gone. */
const fingerprint = async (file) => {
  const info = await stat(file).catch(() => null);
  return info ? `${info.size}:${info.mtimeMs}` : null;
};

/**
 * Whether every input the bundle was built from is unchanged. A bundle built for another checkout
 * (a copied node_modules, another git worktree) is stale even when that checkout's files are
 * unchanged: it holds that checkout's code and the URLs of its files.
 */
const isFresh = async () => {
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8').catch(() => 'null'));
  if (!manifest || typeof manifest.inputs !== 'object' || manifest.inputs === null) return false;
  if (manifest.root !== root) return false;
  if ((await fingerprint(bundleFile)) === null) return false;
  const entries = Object.entries(manifest.inputs);
  const current = await Promise.all(entries.map(([file]) => fingerprint(file)));
  return (
    entries.length > 0 &&
    entries.every(([, recorded], index) => recorded !== null && current[index] === recorded)
  );
};

/**
 * Source files read files beside themselves through `import.meta.url` (default policy, examples,
 * the demo knowledge base): inside the bundle each keeps the URL of the file it came from.
 */
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

const buildBundle = async () => {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    // Input paths in the metafile are relative to this folder.
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Chunks: what a command imports on demand (the server, a model client) is only loaded if used.
    splitting: true,
    outdir: bundleFolder,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [keepModuleUrls],
  });
  const files = Object.keys(result.metafile.inputs).map((input) => resolve(root, input));
  const prints = await Promise.all(files.map(fingerprint));
  if (prints.includes(null)) throw new Error('a bundled source could not be found again');
  const inputs = Object.fromEntries(files.map((file, index) => [file, prints[index]]));
  await mkdir(bundleFolder, { recursive: true });
  // Chunks are named by content hash; each file is written then renamed, the entry last, so a
  // concurrent run never imports half a bundle.
  const ordered = [...result.outputFiles].sort(
    (a, b) => Number(a.path === bundleFile) - Number(b.path === bundleFile),
  );
  for (const output of ordered) {
    const partial = `${output.path}.${process.pid}.partial`;
    await writeFile(partial, output.contents);
    await rename(partial, output.path);
  }
  // Written beside and renamed too: a node_modules copied with hard links shares the old file with
  // other checkouts, and writing into it in place would change theirs.
  const partialManifest = `${manifestFile}.${process.pid}.partial`;
  await writeFile(partialManifest, JSON.stringify({ root, inputs }));
  await rename(partialManifest, manifestFile);
};

/** The compiled CLI's `main`, building it first when the sources changed; null when that fails. */
export const compiledMain = async () => {
  try {
    if (!(await isFresh())) await buildBundle();
    const module = await import(pathToFileURL(bundleFile).href);
    return typeof module.main === 'function' ? module.main : null;
  } catch {
    return null;
  }
};
