/** Per-source figures of the triage benchmark, accumulated from labelled rows and CLI output lines. */
import { type Counts, classification, count, emptyCounts, f1, fmt, precision, recall } from './metrics.ts';

export interface DevRow {
  readonly id: string;
  readonly source: string;
  readonly messages: readonly { readonly role: 'customer' | 'ai' | 'agent'; readonly text: string }[];
  readonly label: {
    readonly category: string | null;
    readonly escalation: 'must' | 'recommended' | 'ai_ok' | null;
    readonly humanRequest: boolean | 'ambiguous' | null;
    readonly frustration: boolean | null;
  };
}

export interface TriageOutputLine {
  readonly id: string;
  readonly action?: string;
  readonly category?: string;
  readonly reasons?: readonly { readonly code: string }[];
  readonly signals?: {
    readonly human_requested: boolean;
    readonly manager_requested: boolean;
    readonly frustration: boolean;
  };
  readonly error?: string;
}

/** The in-domain sources: an online shop's own kind of questions (the others are banking, chit-chat…). */
export const inDomain = (source: string): boolean => source === 'bitext' || source.startsWith('hint3');

export interface SourceFigures {
  n: number;
  must: Counts;
  human: Counts;
  aiOk: number;
  aiOkEscalated: number;
  /** In-domain answerable questions escalated only for `no_answer` (the knowledge base lacks them). */
  aiOkNoAnswer: number;
  frustration: Counts;
  category: { actual: string; predicted: string }[];
}

export const emptyFigures = (): SourceFigures => ({
  n: 0,
  must: emptyCounts(),
  human: emptyCounts(),
  aiOk: 0,
  aiOkEscalated: 0,
  aiOkNoAnswer: 0,
  frustration: emptyCounts(),
  category: [],
});

/** Figures keyed by source, plus `ALL`. */
export class FigureBook {
  private readonly bySource = new Map<string, SourceFigures>();

  of(source: string): SourceFigures {
    let entry = this.bySource.get(source);
    if (!entry) {
      entry = emptyFigures();
      this.bySource.set(source, entry);
    }
    return entry;
  }

  sources(): string[] {
    return [...this.bySource.keys()].filter((source) => source !== 'ALL').sort();
  }

  /** Scores one output line against its labelled row, into its source and `ALL`. */
  add(row: DevRow, out: TriageOutputLine): void {
    if (out.id !== row.id) throw new Error(`output line for ${out.id} does not match row ${row.id}`);
    for (const entry of [this.of(row.source), this.of('ALL')]) {
      entry.n += 1;
      const escalated = out.action === 'escalate';
      if (row.label.escalation === 'must') count(entry.must, escalated, true);
      const human = (out.signals?.human_requested ?? false) || (out.signals?.manager_requested ?? false);
      if (typeof row.label.humanRequest === 'boolean') count(entry.human, human, row.label.humanRequest);
      if (row.label.escalation === 'ai_ok' && inDomain(row.source)) {
        entry.aiOk += 1;
        if (escalated) entry.aiOkEscalated += 1;
        const codes = (out.reasons ?? []).map((reason) => reason.code);
        if (escalated && codes.length === 1 && codes[0] === 'no_answer') entry.aiOkNoAnswer += 1;
      }
      if (typeof row.label.frustration === 'boolean')
        count(entry.frustration, out.signals?.frustration ?? false, row.label.frustration);
      if (row.label.category)
        entry.category.push({ actual: row.label.category, predicted: out.category ?? '' });
    }
  }

  /** Category pairs of the in-domain sources only. */
  inDomainCategories(): { actual: string; predicted: string }[] {
    return this.sources()
      .filter(inDomain)
      .flatMap((source) => this.of(source).category);
  }
}

const table = (lines: readonly (readonly string[])[]): string => {
  const header = lines[0] ?? [];
  const widths = header.map((_, column) => Math.max(...lines.map((line) => (line[column] ?? '').length)));
  return lines
    .map((line) => line.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '))
    .join('\n');
};

/** The per-source table: safety, human request, false escalation, category and frustration. */
export const figureTable = (book: FigureBook): string => {
  const lines: string[][] = [
    [
      'source',
      'rows',
      'must-esc R',
      'human P',
      'human R',
      'false esc ai_ok',
      '(no_answer only)',
      'cat acc',
      'cat macro-F1',
      'frust P',
      'frust R',
      'frust F1',
    ],
  ];
  for (const source of [...book.sources(), 'ALL']) {
    const entry = book.of(source);
    const cat = classification(entry.category);
    lines.push([
      source,
      String(entry.n),
      fmt(recall(entry.must)),
      fmt(precision(entry.human)),
      fmt(recall(entry.human)),
      entry.aiOk === 0 ? '—' : fmt(entry.aiOkEscalated / entry.aiOk),
      entry.aiOk === 0 ? '—' : fmt(entry.aiOkNoAnswer / entry.aiOk),
      fmt(cat.accuracy),
      fmt(cat.macroF1),
      fmt(precision(entry.frustration)),
      fmt(recall(entry.frustration)),
      fmt(f1(entry.frustration)),
    ]);
  }
  const inCat = classification(book.inDomainCategories());
  lines.push([
    'IN-DOMAIN',
    String(inCat.n),
    '',
    '',
    '',
    '',
    '',
    fmt(inCat.accuracy),
    fmt(inCat.macroF1),
    '',
    '',
    '',
  ]);
  return table(lines);
};
