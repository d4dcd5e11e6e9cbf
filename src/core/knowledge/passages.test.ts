import { describe, expect, it } from 'vitest';
import { plainMarkdown, splitPassages } from './passages.ts';

const body = `# Shipping

We deliver **everywhere** in the UK. See [our map](https://example.test/map).

## Options

Choose one:

- Standard: 3 days.
- Express: 1 day.

## Prices

| Option | Price |
| --- | --- |
| Standard | £3.95 |
| Express | £7.95 |
`;

describe('splitPassages', () => {
  it('gives each heading section its own passage, the opening text headed by the title', () => {
    expect(splitPassages('Shipping', body).map((passage) => passage.heading)).toEqual([
      'Shipping',
      'Options',
      'Prices',
    ]);
  });

  it('splits text into sentences and lists into items, without Markdown markup', () => {
    const [intro, options] = splitPassages('Shipping', body);
    expect(intro?.units.map((unit) => unit.text)).toEqual([
      'We deliver everywhere in the UK.',
      'See our map.',
    ]);
    expect(options?.units.map((unit) => [unit.kind, unit.text])).toEqual([
      ['sentence', 'Choose one:'],
      ['item', 'Standard: 3 days.'],
      ['item', 'Express: 1 day.'],
    ]);
  });

  it('turns table rows into sentences that name their columns, keeping the header as a label', () => {
    const prices = splitPassages('Shipping', body)[2];
    expect(prices?.units.map((unit) => unit.text)).toEqual([
      'Standard: price £3.95.',
      'Express: price £7.95.',
    ]);
    expect(prices?.labels).toEqual(['Option Price']);
  });

  it('cuts a long section between paragraphs but keeps its heading on every part', () => {
    const paragraph = `${'Words that go on. '.repeat(30)}\n\n`;
    const passages = splitPassages('T', `## Long\n\n${paragraph.repeat(3)}`);
    expect(passages.length).toBeGreaterThan(1);
    expect(passages.every((passage) => passage.heading === 'Long')).toBe(true);
  });
});

describe('plainMarkdown', () => {
  it('keeps the words of emphasis, code and links', () => {
    expect(plainMarkdown('Open **Account › Orders**, run `x` and see [help](/h) _now_.')).toBe(
      'Open Account › Orders, run x and see help now.',
    );
  });
});
