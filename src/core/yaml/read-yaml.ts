/**
 * YAML (and JSON) that people and requests send, read with limits: size, nesting depth, node count
 * and alias expansion. The `yaml` package parses nested collections recursively, so 2 KB of `[[[[…`
 * exhausts the stack (and once crashed the process in V8's regular-expression compiler), and its
 * duplicate-key check is quadratic (15,000 keys took seconds). A linear pre-scan of the lexer's
 * tokens refuses such text before the parser sees it; duplicate keys are then checked in linear time.
 */
import { CST, isScalar, Lexer, parseDocument, visit } from 'yaml';
import { firstForbiddenCharacter } from '../text/text-safety.ts';

export interface YamlLimits {
  /** Longest text in characters. */
  readonly maxChars: number;
  /** Deepest nesting of collections (lists and maps). */
  readonly maxDepth: number;
  /** Most nodes (scalars, list items, map entries, collections) in the text. */
  readonly maxNodes: number;
  /** The `yaml` package's guard against alias expansion ("billion laughs"). */
  readonly maxAliasCount: number;
}

/** Generous for a policy or an integrations file, far below what hurts the server. */
export const defaultYamlLimits: YamlLimits = {
  maxChars: 256 * 1024,
  maxDepth: 32,
  maxNodes: 20_000,
  maxAliasCount: 100,
};

export type YamlProblemKind =
  | 'too_large'
  | 'too_deep'
  | 'too_many_nodes'
  | 'bad_character'
  | 'too_many_aliases'
  | 'duplicate_key'
  | 'syntax';

export type YamlRead =
  | { readonly kind: 'ok'; readonly value: unknown }
  | { readonly kind: 'invalid'; readonly problem: YamlProblemKind; readonly message: string };

const invalid = (problem: YamlProblemKind, message: string): YamlRead => ({
  kind: 'invalid',
  problem,
  message,
});

const lineOf = (text: string, index: number): number => text.slice(0, index).split('\n').length;

const STRUCTURE_AFTER = new Set(['seq-item-ind', 'explicit-key-ind']);
const NODE_TOKENS = new Set([
  'scalar-source',
  'single-quoted-scalar',
  'double-quoted-scalar',
  'block-scalar-header',
  'alias',
  'flow-map-start',
  'flow-seq-start',
  'seq-item-ind',
  'explicit-key-ind',
  'map-value-ind',
]);

interface Scan {
  readonly depth: number;
  readonly nodes: number;
}

/**
 * An upper bound of the nesting depth and the node count, from the lexer's tokens in one pass
 * (the lexer is a generator without recursion). Flow collections count their brackets. A block
 * collection sits at a column; along any chain of nested block collections the columns never
 * decrease and repeat at most once (a list under a map key may share the key's column), so twice
 * the number of distinct open columns bounds the block depth. The scan stops at the first limit.
 */
const scanTokens = (text: string, limits: YamlLimits): Scan => {
  const columns: number[] = [];
  let column = 0;
  let lineStart = true;
  let afterIndicator = false;
  let scalarSourceNext = false;
  let flow = 0;
  let depth = 0;
  let nodes = 0;
  for (const token of new Lexer().lex(text)) {
    const type = scalarSourceNext ? 'scalar-source' : CST.tokenType(token);
    scalarSourceNext = token === CST.SCALAR;
    if (type === 'newline') {
      column = 0;
      lineStart = true;
      afterIndicator = false;
      continue;
    }
    if (type === 'doc-start' || type === 'doc-end') columns.length = 0;
    const structural = type !== null && type !== 'space' && type !== 'comment' && type !== 'scalar';
    if (structural && flow === 0 && (lineStart || afterIndicator)) {
      if (lineStart) while (columns.length > 0 && (columns.at(-1) ?? 0) > column) columns.pop();
      if (columns.length === 0 || (columns.at(-1) ?? 0) < column) columns.push(column);
    }
    if (structural) {
      afterIndicator = STRUCTURE_AFTER.has(type) || (type === 'map-value-ind' && lineStart);
      lineStart = false;
    }
    if (type === 'flow-map-start' || type === 'flow-seq-start') flow += 1;
    if ((type === 'flow-map-end' || type === 'flow-seq-end') && flow > 0) flow -= 1;
    if (type !== null && NODE_TOKENS.has(type)) nodes += 1;
    depth = Math.max(depth, flow + 2 * columns.length);
    if (depth > limits.maxDepth || nodes > limits.maxNodes) break;
    const newline = token.lastIndexOf('\n');
    if (newline === -1) column += token.length;
    else {
      column = token.length - newline - 1;
      lineStart = newline === token.length - 1;
    }
  }
  return { depth, nodes };
};

/** The first key that appears twice in one map, in linear time (the `yaml` package's check is quadratic). */
const firstDuplicateKey = (document: ReturnType<typeof parseDocument>): string | null => {
  let duplicate: string | null = null;
  visit(document, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : JSON.stringify(pair.key);
        if (seen.has(key)) {
          duplicate = key;
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return duplicate;
};

/** Parses one YAML or JSON document within the limits; every refusal says which limit and what to do. */
export const readYaml = (text: string, limits: YamlLimits = defaultYamlLimits): YamlRead => {
  if (text.length > limits.maxChars) {
    return invalid(
      'too_large',
      `is ${text.length} characters; the limit is ${limits.maxChars}. Split it or leave out what is not needed.`,
    );
  }
  const bad = firstForbiddenCharacter(text, { multiline: true });
  if (bad) {
    const what = bad.kind === 'lone_surrogate' ? 'a broken character' : 'the control character';
    return invalid(
      'bad_character',
      `contains ${what} ${bad.character} on line ${lineOf(text, bad.index)}; remove it.`,
    );
  }
  const scan = scanTokens(text, limits);
  if (scan.depth > limits.maxDepth) {
    return invalid('too_deep', `nests lists and maps more than ${limits.maxDepth} levels deep; flatten it.`);
  }
  if (scan.nodes > limits.maxNodes) {
    return invalid('too_many_nodes', `has more than ${limits.maxNodes} values and keys; shorten it.`);
  }
  const document = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  const error = document.errors[0];
  if (error) {
    const where = error.pos[0] >= 0 ? ` (line ${lineOf(text, error.pos[0])})` : '';
    return invalid('syntax', `is not valid YAML or JSON${where}: ${error.message.split('\n')[0] ?? ''}`);
  }
  const duplicate = firstDuplicateKey(document);
  if (duplicate !== null) return invalid('duplicate_key', `has the key "${duplicate}" twice in one map.`);
  try {
    return { kind: 'ok', value: document.toJS({ maxAliasCount: limits.maxAliasCount }) };
  } catch (cause) {
    if (cause instanceof ReferenceError) {
      return invalid('too_many_aliases', 'expands its aliases (*name) too many times; write the values out.');
    }
    throw cause;
  }
};
