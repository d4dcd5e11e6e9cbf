/**
 * Splits an article body into passages (one per heading section, long sections by paragraph),
 * each keeping its heading, and each passage into readable units: sentences, list items and
 * table rows with Markdown markup removed. Answers are built from consecutive units.
 */

export type PassageUnitKind = 'sentence' | 'item' | 'row';

export interface PassageUnit {
  readonly kind: PassageUnitKind;
  /** Plain text as a customer should read it (list items keep their "1." numbering). */
  readonly text: string;
  /** Index of the block (paragraph, list or table) inside the passage. */
  readonly block: number;
}

export interface Passage {
  /** The nearest heading above the passage; the article title for its opening text. */
  readonly heading: string;
  readonly units: readonly PassageUnit[];
  /** Words that describe the units without answering anything, such as table column names. */
  readonly labels: readonly string[];
}

const maxSectionLength = 900;

/** Removes inline Markdown: emphasis, code, links and images keep only their words. */
export const plainMarkdown = (text: string): string =>
  text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();

const sentenceBoundary = /(?<=[.!?])\s+(?=["“(]?[A-Z0-9£])/;

const splitSentences = (paragraph: string): string[] =>
  plainMarkdown(paragraph)
    .split(sentenceBoundary)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');

const tableCells = (line: string): string[] =>
  line
    .replace(/^\s*\|/, '')
    .replace(/\|\s*$/, '')
    .split('|')
    .map((cell) => plainMarkdown(cell));

const isSeparatorRow = (cells: readonly string[]) =>
  cells.every((cell) => /^:?-{2,}:?$/.test(cell) || cell === '');

/** "| King | 225 × 220 cm | … |" under "| Size | Duvet cover | … |" → "King: duvet cover 225 × 220 cm; …". */
const tableRowText = (cells: readonly string[], header: readonly string[]): string => {
  const [first, ...rest] = cells;
  if (rest.length === 0) return first ?? '';
  const described = rest.map((cell, i) => {
    const name = header[i + 1]?.toLowerCase();
    return name ? `${name} ${cell}` : cell;
  });
  return `${first}: ${described.join('; ')}.`;
};

const tableHeader = (block: string): string | null => {
  const lines = block.split('\n').filter((line) => line.trim() !== '');
  if (!lines.every((line) => line.trim().startsWith('|'))) return null;
  return tableCells(lines[0] ?? '').join(' ');
};

const blockUnits = (block: string, index: number): PassageUnit[] => {
  const lines = block.split('\n').filter((line) => line.trim() !== '');
  if (lines.every((line) => line.trim().startsWith('|'))) {
    // The first row of a Markdown table is its header: it names the columns, it answers nothing.
    const header = tableCells(lines[0] ?? '');
    return lines
      .slice(1)
      .map(tableCells)
      .filter((cells) => !isSeparatorRow(cells))
      .map((cells) => ({ kind: 'row', text: tableRowText(cells, header), block: index }));
  }
  const isItem = (line: string) => /^\s*(?:[-*+]|\d+[.)])\s+/.test(line);
  if (lines.some(isItem)) {
    const units: PassageUnit[] = [];
    for (const line of lines) {
      const text = plainMarkdown(line.replace(/^\s*[-*+]\s+/, ''));
      const last = units.at(-1);
      if (!isItem(line) && last?.kind === 'item') {
        units[units.length - 1] = { ...last, text: `${last.text} ${text}` };
      } else if (isItem(line)) {
        units.push({ kind: 'item', text, block: index });
      } else {
        units.push(
          ...splitSentences(line).map((sentence) => ({
            kind: 'sentence' as const,
            text: sentence,
            block: index,
          })),
        );
      }
    }
    return units;
  }
  return splitSentences(lines.join(' ')).map((text) => ({ kind: 'sentence', text, block: index }));
};

const sectionPassages = (heading: string, blocks: readonly string[]): Passage[] => {
  const passages: Passage[] = [];
  let units: PassageUnit[] = [];
  let labels: string[] = [];
  let length = 0;
  blocks.forEach((block, index) => {
    // A long section is cut between blocks, but never right after a block ending with ":",
    // which introduces the list that follows it.
    const previous = units.at(-1);
    if (length + block.length > maxSectionLength && units.length > 0 && !previous?.text.endsWith(':')) {
      passages.push({ heading, units, labels });
      units = [];
      labels = [];
      length = 0;
    }
    units.push(...blockUnits(block, index));
    const header = tableHeader(block);
    if (header) labels.push(header);
    length += block.length;
  });
  if (units.length > 0) passages.push({ heading, units, labels });
  return passages;
};

/** Splits a Markdown body into passages; `title` heads the text before the first sub-heading. */
export const splitPassages = (title: string, body: string): Passage[] => {
  const passages: Passage[] = [];
  let heading = title;
  let blocks: string[] = [];
  let current: string[] = [];
  const endBlock = () => {
    if (current.length > 0) blocks.push(current.join('\n'));
    current = [];
  };
  const endSection = () => {
    endBlock();
    passages.push(...sectionPassages(heading, blocks));
    blocks = [];
  };
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    const headingMatch = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (headingMatch) {
      endSection();
      heading = plainMarkdown(headingMatch[1] ?? '') || title;
    } else if (line.trim() === '') {
      endBlock();
    } else {
      current.push(line);
    }
  }
  endSection();
  return passages;
};
