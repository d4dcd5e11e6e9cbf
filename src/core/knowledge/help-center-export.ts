/**
 * Help-centre exports as their products' APIs list articles, read into Baton articles:
 * - Zendesk Guide: `{"articles":[{"id","title","body"(HTML),"draft","label_names",…}]}`
 * - Intercom: `{"type":"list","data":[{"id","title","body"(HTML),"state":"published"|"draft",…}]}`
 * Drafts, empty articles and those over the size limit are skipped by name with the reason, never silently.
 */
import { type ParsedArticle, slugFromFileName } from './article-markdown.ts';
import { htmlToMarkdown } from './html-to-markdown.ts';

export type HelpCenterFormat = 'zendesk' | 'intercom';

export interface SkippedArticle {
  /** `export.json #123 "Title"`: where the article came from, for the summary. */
  readonly name: string;
  readonly reason: string;
}

export type HelpCenterParse =
  | {
      readonly kind: 'export';
      readonly format: HelpCenterFormat;
      readonly articles: readonly { readonly name: string; readonly article: ParsedArticle }[];
      readonly skipped: readonly SkippedArticle[];
    }
  | { readonly kind: 'invalid'; readonly message: string };

type Row = Readonly<Record<string, unknown>>;

const isRow = (value: unknown): value is Row =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Which product wrote the export, from its shape; `expected` forces one (the CLI's --format). */
export const detectHelpCenterFormat = (value: unknown): HelpCenterFormat | null => {
  if (!isRow(value)) return null;
  if (Array.isArray(value.articles)) return 'zendesk';
  if (value.type === 'list' && Array.isArray(value.data)) return 'intercom';
  return null;
};

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

const isDraft = (format: HelpCenterFormat, row: Row): boolean =>
  format === 'zendesk' ? row.draft === true : text(row.state) !== '' && text(row.state) !== 'published';

const tagsOf = (format: HelpCenterFormat, row: Row): string[] => {
  if (format !== 'zendesk' || !Array.isArray(row.label_names)) return [];
  const labels = row.label_names.map(text).map((label) => label.trim().slice(0, 60));
  return [...new Set(labels.filter((label) => label !== ''))].slice(0, 30);
};

const readRow = (
  format: HelpCenterFormat,
  fileName: string,
  row: unknown,
  index: number,
  maxBodyChars: number,
):
  | { kind: 'article'; name: string; article: ParsedArticle }
  | { kind: 'skipped'; skipped: SkippedArticle } => {
  const fields: Row = isRow(row) ? row : {};
  const id = text(fields.id).slice(0, 40) || String(index + 1);
  const title = text(fields.title).replace(/\s+/g, ' ').trim().slice(0, 200);
  const name = `${fileName} #${id}${title === '' ? '' : ` "${title}"`}`;
  const skip = (reason: string) => ({ kind: 'skipped' as const, skipped: { name, reason } });
  if (!isRow(row)) return skip('is not an article object');
  if (isDraft(format, fields)) return skip('is a draft; publish it in the help centre to import it');
  if (title === '') return skip('has no title');
  const html = text(fields.body);
  if (html.length > maxBodyChars) {
    return skip(
      `is ${Math.ceil(html.length / 1024)} KB; an article may be at most ${Math.floor(maxBodyChars / 1024)} KB. Split it into several articles`,
    );
  }
  const body = htmlToMarkdown(html);
  if (body === '') return skip('has an empty body');
  const slug = slugFromFileName(title) || `${format}-${slugFromFileName(id)}`;
  return {
    kind: 'article',
    name,
    article: { slug, title, category: null, tags: tagsOf(format, fields), body },
  };
};

/** Reads one JSON export; a file that is not JSON or not one of the two shapes is `invalid` with what to do. */
export const parseHelpCenterExport = (
  fileName: string,
  json: string,
  maxBodyChars: number,
  expected?: HelpCenterFormat,
): HelpCenterParse => {
  let value: unknown;
  try {
    value = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch {
    return { kind: 'invalid', message: 'is not valid JSON; export the articles again from the help centre' };
  }
  const format = detectHelpCenterFormat(value);
  if (format === null || (expected !== undefined && format !== expected)) {
    const wanted =
      expected === 'intercom'
        ? 'an Intercom articles export ({"type":"list","data":[…]})'
        : expected === 'zendesk'
          ? 'a Zendesk Guide articles export ({"articles":[…]})'
          : 'a Zendesk Guide ({"articles":[…]}) or Intercom ({"type":"list","data":[…]}) articles export';
    return { kind: 'invalid', message: `is not ${wanted}` };
  }
  const listed = isRow(value) ? (format === 'zendesk' ? value.articles : value.data) : [];
  const rows: readonly unknown[] = Array.isArray(listed) ? listed : [];
  const articles: { name: string; article: ParsedArticle }[] = [];
  const skipped: SkippedArticle[] = [];
  for (const [index, row] of rows.entries()) {
    const read = readRow(format, fileName, row, index, maxBodyChars);
    if (read.kind === 'article') articles.push({ name: read.name, article: read.article });
    else skipped.push(read.skipped);
  }
  return { kind: 'export', format, articles, skipped };
};
