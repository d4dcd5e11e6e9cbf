/** The weekly review report (SPEC §8): its model and its Markdown, HTML and JSON renderings. */

export type { ClosedGap, GapOutcomeSettings, GapOutcomes, OpenGap } from './gap-outcomes.ts';
export { defaultGapOutcomeSettings, gapOutcomes } from './gap-outcomes.ts';
export type { ReportFormat } from './render-report.ts';
export { renderReport, renderReportHtml, renderReportJson, renderReportMarkdown } from './render-report.ts';
export type {
  CategoryLine,
  NumberLine,
  ReportCadence,
  ReportNumber,
  ReviewedConversation,
  WeeklyReport,
  WeeklyReportInput,
} from './report-model.ts';
export { buildWeeklyReport, isWrong, reportWeeks } from './report-model.ts';
export type { LabelForVerdict } from './verdict-per-conversation.ts';
export { verdictPerConversation } from './verdict-per-conversation.ts';
