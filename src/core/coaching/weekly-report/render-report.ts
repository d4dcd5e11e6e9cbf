/** The weekly report as Markdown, a standalone HTML page, or JSON (`baton report --format`). */
import type { NumberLine, WeeklyReport } from './report-model.ts';

const percent = (value: number | null): string =>
  value === null ? '—' : `${shownPoints(value).toFixed(1)}%`;

const formatValue = (line: NumberLine, value: number | null): string => {
  if (value === null) return '—';
  if (line.unit === 'rate') return percent(value);
  if (line.unit === 'seconds')
    return value >= 120 ? `${(value / 60).toFixed(1)} min` : `${Math.round(value)} s`;
  return String(value);
};

/** A rate as the table shows it: tenths of a percentage point. */
const shownPoints = (value: number): number => Math.round(value * 1000) / 10;

/**
 * The change as the difference of the two values the row shows, so a row never reads "85.2% |
 * 85.2% | −0.1 pts"; a change too small to show has no verdict either (the JSON keeps the exact one).
 */
const formatChange = (line: NumberLine): string => {
  if (line.change === null || line.thisWeek === null || line.lastWeek === null) return '—';
  const shown =
    line.unit === 'rate'
      ? Math.round((shownPoints(line.thisWeek) - shownPoints(line.lastWeek)) * 10) / 10
      : line.unit === 'seconds'
        ? Math.round(line.change)
        : line.change;
  const sign = shown > 0 ? '+' : shown < 0 ? '−' : '±';
  const size = Math.abs(shown);
  const amount =
    line.unit === 'rate' ? `${size.toFixed(1)} pts` : line.unit === 'seconds' ? `${size} s` : String(size);
  const verdict = shown !== 0 && line.verdict && line.verdict !== 'same' ? ` (${line.verdict})` : '';
  return `${sign}${amount}${verdict}`;
};

/** "Weekly review 2026-W48", or "Fortnightly review: Weeks 2026-W47–W48" over two weeks. */
const titleOf = (report: WeeklyReport): string => {
  const [first, ...rest] = report.weeks;
  const last = rest.at(-1);
  if (first === undefined || last === undefined) return `Weekly review ${report.week}`;
  // Within one year the second week is written short (W48), as people write a range.
  const end = last.slice(0, 4) === first.slice(0, 4) ? last.slice(5) : last;
  return `Fortnightly review: Weeks ${first}–${end}`;
};

/** The report's sections as rows, shared by the Markdown and HTML renderings. */
const sections = (report: WeeklyReport) => {
  const { sampled, wrong, fixed } = report;
  const twoWeeks = report.weeks.length > 1;
  return {
    title: `${titleOf(report)} — ${report.workspaceName}`,
    period: `${report.from} to ${report.to}`,
    sampledText: `${sampled.reviewed} conversations reviewed: ${sampled.flagged} flagged by agents and ${sampled.sampled} sampled from ${sampled.population} AI-handled conversations.`,
    wrongText:
      wrong.count === 0
        ? 'Nothing reviewed was wrong.'
        : `${wrong.count} wrong (${percent(wrong.shareOfReviewed)} of those reviewed; about ${percent(wrong.estimatedShareOfWeek)} of the week's AI-handled conversations once the sample is re-weighted).`,
    byCategory: [
      ['Category', 'Reviewed', 'Wrong'],
      ...wrong.byCategory.map((line) => [line.category, String(line.reviewed), String(line.wrong)]),
    ],
    byRootCause: [
      ['Root cause', 'Wrong'],
      ...wrong.byRootCause.map((line) => [line.rootCause, String(line.count)]),
    ],
    byLabel: [['Label', 'Count'], ...wrong.byLabel.map((line) => [line.label, String(line.count)])],
    fixedItems: [
      ...fixed.articlesPublished.map((article) => `Article published: ${article.title} (${article.slug})`),
      ...fixed.policyVersions.map(
        (version) => `Policy version ${version.version}${version.note ? `: ${version.note}` : ''}`,
      ),
      ...fixed.gapsClosed.map(
        (gap) =>
          `Knowledge gap closed: ${gap.label} (${gap.article ? `article ${gap.article} published` : 'no more questions this week'})`,
      ),
    ],
    openGaps: [
      ['Open gap', 'Conversations', 'This week', 'Trend'],
      ...report.openGaps.map((gap) => [
        gap.label,
        String(gap.conversations),
        `${gap.questionsThisWeek} (${percent(gap.shareThisWeek)} of questions)`,
        gap.trend,
      ]),
    ],
    numbers: [
      twoWeeks
        ? ['Number', 'These two weeks', 'The two weeks before', 'Change']
        : ['Number', 'This week', 'Last week', 'Change'],
      ...report.numbers.map((line) => [
        line.label,
        formatValue(line, line.thisWeek),
        formatValue(line, line.lastWeek),
        formatChange(line),
      ]),
    ],
  };
};

const markdownTable = (rows: readonly (readonly string[])[]): string => {
  const [header = [], ...body] = rows;
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...body.map(line)].join('\n');
};

export const renderReportMarkdown = (report: WeeklyReport): string => {
  const s = sections(report);
  return [
    `# ${s.title}`,
    '',
    s.period,
    '',
    '## What was sampled',
    '',
    s.sampledText,
    '',
    '## What was wrong',
    '',
    s.wrongText,
    ...(report.wrong.count > 0
      ? ['', markdownTable(s.byCategory), '', markdownTable(s.byRootCause), '', markdownTable(s.byLabel)]
      : []),
    '',
    '## What was fixed',
    '',
    ...(s.fixedItems.length > 0 ? s.fixedItems.map((item) => `- ${item}`) : ['Nothing was fixed this week.']),
    '',
    '## Top open knowledge gaps',
    '',
    report.openGaps.length > 0 ? markdownTable(s.openGaps) : 'No open knowledge gaps.',
    '',
    '## How the numbers moved',
    '',
    report.numbers.length > 0 ? markdownTable(s.numbers) : 'No numbers for this week yet.',
    '',
  ].join('\n');
};

const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const htmlTable = (rows: readonly (readonly string[])[]): string => {
  const [header = [], ...body] = rows;
  return `<table><thead><tr>${header.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr></thead><tbody>${body
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
};

export const renderReportHtml = (report: WeeklyReport): string => {
  const s = sections(report);
  const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(s.title)}</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
table { border-collapse: collapse; margin: 0.75rem 0; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.6rem; text-align: left; }
th { background: #f6f8fa; }
</style>
</head>
<body>
<h1>${escapeHtml(s.title)}</h1>
${paragraph(s.period)}
<h2>What was sampled</h2>
${paragraph(s.sampledText)}
<h2>What was wrong</h2>
${paragraph(s.wrongText)}
${report.wrong.count > 0 ? [s.byCategory, s.byRootCause, s.byLabel].map(htmlTable).join('\n') : ''}
<h2>What was fixed</h2>
${s.fixedItems.length > 0 ? `<ul>${s.fixedItems.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>` : paragraph('Nothing was fixed this week.')}
<h2>Top open knowledge gaps</h2>
${report.openGaps.length > 0 ? htmlTable(s.openGaps) : paragraph('No open knowledge gaps.')}
<h2>How the numbers moved</h2>
${report.numbers.length > 0 ? htmlTable(s.numbers) : paragraph('No numbers for this week yet.')}
</body>
</html>
`;
};

export const renderReportJson = (report: WeeklyReport): string => `${JSON.stringify(report, null, 2)}\n`;

export type ReportFormat = 'md' | 'html' | 'json';

export const renderReport = (report: WeeklyReport, format: ReportFormat): string =>
  format === 'html'
    ? renderReportHtml(report)
    : format === 'json'
      ? renderReportJson(report)
      : renderReportMarkdown(report);
