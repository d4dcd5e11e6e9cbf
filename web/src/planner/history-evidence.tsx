/** What backs each figure the planner read from the workspace's history: measured, or still a default. */
import type { CategoryEvidenceView, PlannerHistory } from '../../../src/api/planner-schemas.ts';
import { humanize } from './field-labels.ts';

const percent = (share: number): string => `${Math.round(share * 100)}%`;
const minutes = (m: number): string => `${m < 10 ? m.toFixed(1) : Math.round(m)} min`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line per category, e.g. "42 conversations, AI resolved 55%, handle time 7.5 min from 18 samples". */
export const evidenceNote = (e: CategoryEvidenceView): string => {
  const defaulted = (field: CategoryEvidenceView['usedDefaultFor'][number]) =>
    e.usedDefaultFor.includes(field);
  if (defaulted('volume')) return 'default: no recorded conversations';
  const ai = defaulted('aiResolutionShare')
    ? `AI resolved ${percent(e.aiResolutionShare)} (default: too few resolved, ${e.aiResolved + e.humanResolved} so far)`
    : `AI resolved ${percent(e.aiResolutionShare)}`;
  const handle = defaulted('handleMinutes')
    ? `handle time ${minutes(e.handleMinutes)} (default: too few samples, ${e.handleSamples} so far)`
    : `handle time ${minutes(e.handleMinutes)} from ${plural(e.handleSamples, 'sample')}`;
  return `${plural(e.conversations, 'conversation')}, ${ai}, ${handle}`;
};

const intradayNote: Record<PlannerHistory['intraday'], string> = {
  hourly: 'Intraday profile: measured hour by hour over the week.',
  dayAndHour: 'Intraday profile: measured by day of week and hour of day.',
  default: 'Intraday profile: default (not enough conversations to measure one).',
};

export const HistoryEvidence = ({ history }: { history: PlannerHistory }) => {
  const from = new Date(history.window.from).toLocaleDateString();
  const to = new Date(history.window.to).toLocaleDateString();
  const seen = history.evidence.filter((e) => e.conversations > 0);
  const unseen = history.evidence.filter((e) => e.conversations === 0);
  return (
    <section className="panel history-evidence" data-testid="history-evidence" aria-label="From history">
      <h3>From this workspace's history</h3>
      {history.conversations === 0 ? (
        <p className="hint" data-testid="history-empty">
          No conversations recorded between {from} and {to}: every figure below is a default.
        </p>
      ) : (
        <>
          <p className="hint">
            {plural(history.conversations, 'conversation')} between {from} and {to} (
            {plural(Math.round(history.window.days * 10) / 10, 'day')}), scaled to a week.
            {history.uncategorised > 0 &&
              ` ${history.uncategorised} without a category are spread over the categories in proportion.`}
            {history.channelsNotRecorded.length > 0 &&
              ` Baton recorded nothing on ${history.channelsNotRecorded.join(', ')}: set to 0, enter it if the team handles it elsewhere.`}
          </p>
          <ul className="evidence">
            {seen.map((e) => (
              <li key={e.category} data-testid="history-category" data-category={e.category}>
                <b>{humanize(e.category)}</b>: {evidenceNote(e)}
              </li>
            ))}
          </ul>
          {unseen.length > 0 && (
            <p className="hint">
              No conversations in the window (volume 0, other figures default):{' '}
              {unseen.map((e) => humanize(e.category)).join(', ')}.
            </p>
          )}
          <p className="hint">{intradayNote[history.intraday]}</p>
        </>
      )}
    </section>
  );
};
