// The compiled fast path of `baton triage`: the CLI's TypeScript bundled once into plain JavaScript
// with esbuild, kept in node_modules/.cache/baton and rebuilt only when a source file it was built
// from changed (size or modification time). Starting it costs a module parse instead of compiling
// every TypeScript file on each run. Any failure returns null and the caller runs the TypeScript
// through tsx as before, so a missing or read-only cache never stops the command.
import { statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cacheFolder = join(root, 'node_modules', '.cache', 'baton');
const bundleFolder = join(cacheFolder, 'cli');
const bundleFile = join(bundleFolder, 'main.mjs');
const manifestFile = join(cacheFolder, 'cli.inputs.json');
const entry = join(root, 'src', 'cli', 'main.ts');

/**
 * Size and modification time of a file, or null when it is gone. Synchronous: every start checks
 * some 500 inputs, and a promise-based stat each (a thread-pool round trip) cost about 15 ms of CPU.
 */
const fingerprint = (file) => {
  try {
    const info = statSync(file, { throwIfNoEntry: false });
    return info ? `${info.size}:${info.mtimeMs}` : null;
  } catch {
    return null;
  }
};

/**
 * Whether every input the bundle was built from is unchanged. A bundle built for another checkout
 * (a copied node_modules, another git worktree) is stale even when that checkout's files are
 * unchanged: it holds that checkout's code and the URLs of its files.
 */
const readManifest = async () => {
  try {
    return JSON.parse(await readFile(manifestFile, 'utf8'));
  } catch {
    return null;
  }
};

const isFresh = async () => {
  const manifest = await readManifest();
  if (!manifest || typeof manifest.inputs !== 'object' || manifest.inputs === null) return false;
  if (manifest.root !== root) return false;
  if (fingerprint(bundleFile) === null) return false;
  const entries = Object.entries(manifest.inputs);
  const current = entries.map(([file]) => fingerprint(file));
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

const shippedYamlModule = join(root, 'src', 'core', 'yaml', 'shipped-yaml.ts');

/** Every YAML file under src/ (the shipped default policy and examples). */
const shippedYamlFiles = async () => {
  const entries = await readdir(join(root, 'src'), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
};

/**
 * Replaces src/core/yaml/shipped-yaml.ts with the shipped YAML files parsed at build time: parsing
 * them was about a fifth of start-up, reading their JSON costs a millisecond. A file whose document
 * does not survive JSON unchanged, or any file not known at build time, is still read and parsed.
 * The files become inputs of the bundle, so editing one rebuilds it.
 */
const shippedYamlAsJson = (yamlFiles) => ({
  name: 'shipped-yaml-as-json',
  setup(build) {
    build.onLoad({ filter: /shipped-yaml\.ts$/ }, async (args) => {
      if (resolve(args.path) !== shippedYamlModule) return undefined;
      const { parse } = await import('yaml');
      const built = [];
      for (const file of yamlFiles) {
        const document = parse(await readFile(file, 'utf8'));
        const json = JSON.stringify(document);
        if (json !== undefined && isDeepStrictEqual(JSON.parse(json), document)) {
          built.push([pathToFileURL(file).href, json]);
        }
      }
      const contents = [
        "import { readFileSync } from 'node:fs';",
        "import { parse } from 'yaml';",
        `const built = new Map(${JSON.stringify(built)});`,
        'export const readShippedYaml = (url) => {',
        '  const json = built.get(url.href);',
        "  return json === undefined ? parse(readFileSync(url, 'utf8')) : JSON.parse(json);",
        '};',
      ].join('\n');
      return { contents, loader: 'js' };
    });
  },
});

/** Packages compiled into the bundle; every other package is imported from node_modules at run time. */
const bundledPackages = new Set(['zod', 'yaml']);

/** Marks every bare import outside `bundled` as external (esbuild's `packages: 'external'`, with exceptions). */
const externalPackagesExcept = (bundled) => ({
  name: 'external-packages-except',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      const name = args.path.startsWith('@')
        ? args.path.split('/').slice(0, 2).join('/')
        : args.path.split('/')[0];
      return bundled.has(name) ? undefined : { path: args.path, external: true };
    });
  },
});

/** The package.json of the package a file belongs to, or the file itself when it is not in node_modules. */
const packageManifestOf = (file) => {
  const match = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(file);
  return match ? join(match[1], 'package.json') : file;
};

const buildBundle = async () => {
  const yamlFiles = await shippedYamlFiles();
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    // Input paths in the metafile are relative to this folder.
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages stay outside the bundle and are loaded by Node, except the few the triage path
    // loads at every start (zod, yaml): resolving and compiling each of their many files one by one
    // cost about a tenth of start-up's CPU (0.10 of 1.18 s).
    plugins: [shippedYamlAsJson(yamlFiles), keepModuleUrls, externalPackagesExcept(bundledPackages)],
    // A bundled CommonJS package (yaml) requires Node's built-ins; an ES module has no `require`.
    banner: {
      js: "import { createRequire as batonCreateRequire } from 'node:module'; const require = batonCreateRequire(import.meta.url);",
    },
    // Chunks: what a command imports on demand (the server, a model client) is only loaded if used.
    splitting: true,
    outdir: bundleFolder,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    // .mjs, not .js: no package.json above the cache folder says "module", so Node would read
    // each .js file's whole source a second time to guess its format (about 13 ms at every start).
    outExtension: { '.js': '.mjs' },
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  // A bundled package counts as one input, its package.json (its version): stat-ing each of its
  // hundreds of files at every start would cost part of what bundling it saves.
  const sources = Object.keys(result.metafile.inputs).map((input) => packageManifestOf(resolve(root, input)));
  // This file too: a change to how the bundle is built rebuilds it.
  const files = [...new Set(sources), ...yamlFiles, fileURLToPath(import.meta.url)];
  const prints = files.map(fingerprint);
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
  const outputs = result.outputFiles.map((output) => basename(output.path));
  const previous = await readManifest();
  const previousOutputs = Array.isArray(previous?.outputs) ? previous.outputs : [];
  // Written beside and renamed too: a node_modules copied with hard links shares the old file with
  // other checkouts, and writing into it in place would change theirs.
  const partialManifest = `${manifestFile}.${process.pid}.partial`;
  await writeFile(partialManifest, JSON.stringify({ root, inputs, outputs, previousOutputs }));
  await rename(partialManifest, manifestFile);
  await pruneOldBuilds(new Set([...outputs, ...previousOutputs]));
};

/** A day: a process started from an older bundle imports its on-demand chunks soon after it starts. */
const keepUnknownFilesMs = 24 * 60 * 60 * 1000;

/**
 * Every rebuild writes new content-hashed chunks, and after a day of source edits the old ones took
 * tens of megabytes. The current and previous builds' files are kept (a process started from the
 * previous bundle may still import a chunk on demand), and any other file only until it is a day old.
 */
const pruneOldBuilds = async (kept) => {
  const now = Date.now();
  for (const name of await readdir(bundleFolder).catch(() => [])) {
    if (kept.has(name)) continue;
    const file = join(bundleFolder, name);
    const info = statSync(file, { throwIfNoEntry: false });
    if (info?.isFile() && now - info.mtimeMs > keepUnknownFilesMs) await unlink(file).catch(() => {});
  }
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
