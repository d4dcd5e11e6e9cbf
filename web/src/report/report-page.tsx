/**
 * The weekly review report (/report, SPEC §8) for qa and ops: the week just finished by default,
 * any ISO week on request: `baton report --format md`'s text, rendered.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  type WeeklyReportResponse,
  weeklyReportResponseSchema,
} from '../../../src/api/weekly-report-schemas.ts';
import { CoachingFrame } from '../review/coaching-frame.tsx';
import { apiCall } from '../shared/api.ts';
import { RenderedMarkdown } from '../shared/rendered-markdown.tsx';

const Report = () => {
  const [week, setWeek] = useState('');
  const [report, setReport] = useState<WeeklyReportResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    (chosen: string) =>
      apiCall<unknown>('GET', `/api/coaching/report${chosen ? `?week=${encodeURIComponent(chosen)}` : ''}`)
        .then((result) => {
          const parsed = weeklyReportResponseSchema.parse(result);
          setReport(parsed);
          setWeek(parsed.week);
          setError(null);
        })
        .catch((problem: Error) => setError(problem.message)),
    [],
  );
  useEffect(() => {
    void load('');
  }, [load]);
  return (
    <section aria-labelledby="report-title">
      <h2 id="report-title">Weekly review report</h2>
      <form
        className="report-week"
        onSubmit={(event) => {
          event.preventDefault();
          void load(week.trim());
        }}
      >
        <label>
          Week (like 2026-W49){' '}
          <input value={week} size={10} onChange={(event) => setWeek(event.target.value)} />
        </label>{' '}
        <button type="submit">Show</button>
      </form>
      {error && <p className="review-error">{error}</p>}
      {!report && !error && <p className="loading">Counting…</p>}
      {report && (
        <RenderedMarkdown
          markdown={report.markdown}
          label={`Report for ${report.week}`}
          className="weekly-report"
          headingOffset={2}
          testId="weekly-report"
        />
      )}
    </section>
  );
};

export const ReportPage = () => (
  <CoachingFrame
    title="Weekly report"
    links={[
      ['/agent', 'Inbox'],
      ['/review', 'Review'],
      ['/gaps', 'Knowledge gaps'],
      ['/calibration', 'Calibration'],
      ['/ops', 'Ops console'],
    ]}
  >
    {() => <Report />}
  </CoachingFrame>
);
