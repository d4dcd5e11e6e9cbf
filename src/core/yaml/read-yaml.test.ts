import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { defaultPolicy } from '../triage/policy/index.ts';
import { defaultYamlLimits, readYaml } from './read-yaml.ts';

const problemOf = (text: string, limits = defaultYamlLimits) => {
  const read = readYaml(text, limits);
  return read.kind === 'invalid' ? read.problem : 'ok';
};

const nestedLists = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const nestedMaps = (depth: number) =>
  Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}k${level}:`).join('\n');

describe('readYaml', () => {
  it('reads plain YAML and JSON', () => {
    expect(readYaml('a: 1\nb: [x, {c: d}]\n')).toEqual({ kind: 'ok', value: { a: 1, b: ['x', { c: 'd' }] } });
    expect(readYaml('{"a": [1, 2]}')).toEqual({ kind: 'ok', value: { a: [1, 2] } });
  });

  it('refuses 10 KB of nested brackets (the input that crashed the server) twice in a row', () => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const read = readYaml(nestedLists(5_000));
      expect(read).toMatchObject({ kind: 'invalid', problem: 'too_deep' });
      expect(read.kind === 'invalid' && read.message).toMatch(/more than 32 levels deep/);
    }
  });

  it('refuses deep block nesting: indented maps and compact "- - -" lists', () => {
    expect(problemOf(nestedMaps(100))).toBe('too_deep');
    expect(problemOf(`${'- '.repeat(50_000)}x`)).toBe('too_deep');
    expect(problemOf('? '.repeat(100))).toBe('too_deep');
  });

  it('accepts nesting within the limit, whatever the indentation style', () => {
    expect(problemOf(nestedLists(10))).toBe('ok');
    expect(problemOf(nestedMaps(10))).toBe('ok');
    expect(problemOf('a:\n- b:\n  - c:\n    - d:\n      - e\n')).toBe('ok');
  });

  it('never under-counts depth: whatever it accepts, the value is no deeper than the limit', () => {
    const depthOf = (value: unknown): number =>
      typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;
    const limits = { ...defaultYamlLimits, maxDepth: 6 };
    const tree: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.string({ maxLength: 5 }),
        fc.integer(),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), tie('node'), { maxKeys: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(tree, fc.constantFrom(0, 2, 4), (value, indent) => {
        const text = indent === 0 ? JSON.stringify(value) : stringify(value, { indent });
        const read = readYaml(text, limits);
        if (read.kind === 'ok') expect(depthOf(read.value)).toBeLessThanOrEqual(limits.maxDepth);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses 15,000 keys (the policy that blocked the server for seconds) before parsing them', () => {
    const text = Array.from({ length: 15_000 }, (_, i) => `key${i}: value`).join('\n');
    expect(problemOf(text)).toBe('too_many_nodes');
  });

  it('accepts the whole default policy with every example phrasing', () => {
    expect(problemOf(stringify(defaultPolicy()))).toBe('ok');
  });

  it('refuses text over the size limit, control characters and lone surrogates, naming the line', () => {
    expect(problemOf('a: b\n'.repeat(60_000))).toBe('too_large');
    const nul = readYaml('a: 1\nb: "x\u0000y"\n');
    expect(nul).toMatchObject({ kind: 'invalid', problem: 'bad_character' });
    expect(nul.kind === 'invalid' && nul.message).toMatch(/U\+0000 on line 2/);
    expect(problemOf('a: "\uD800"')).toBe('bad_character');
    expect(problemOf('a: "\u001B[31m"')).toBe('bad_character');
  });

  it('refuses alias expansion bombs', () => {
    const layers = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, previous] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
    ]) {
      layers.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    expect(problemOf(layers.join('\n'))).toBe('too_many_aliases');
  });

  it('refuses a key given twice in one map, and syntax errors with their line', () => {
    expect(problemOf('a: 1\nb: 2\na: 3\n')).toBe('duplicate_key');
    const broken = readYaml('a: 1\nb: [1, 2\nc: d');
    expect(broken.kind === 'invalid' && broken.message).toMatch(/not valid YAML or JSON \(line \d+\)/);
  });

  it('answers with a value or a refusal for any text, never an exception', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(['ok', 'invalid']).toContain(readYaml(text).kind);
      }),
      { numRuns: 200 },
    );
  });
});
