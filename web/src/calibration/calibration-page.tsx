/**
 * The calibration view (SPEC §8): per category, how often answers at each raw confidence were right
 * (reliability before) against the fitted calibration (after), with the expected calibration error
 * of each and why the model was chosen, or why the raw score is kept.
 */
import { useEffect, useState } from 'react';
import type { CalibrationView } from '../../../src/api/calibration-schemas.ts';
import { CoachingFrame } from '../review/coaching-frame.tsx';
import { apiCall } from '../shared/api.ts';
import { ThresholdSuggestions } from './threshold-suggestions.tsx';
import '../gaps/gaps.css';

type Category = CalibrationView['categories'][number];

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);

const ReliabilityTable = ({ category }: { category: Category }) => (
  <table className="gap-weeks" data-testid="reliability">
    <caption>
      Reliability: ECE {percent(category.before.ece)} before, {percent(category.after.ece)} after (held out)
    </caption>
    <thead>
      <tr>
        <th scope="col">Raw confidence</th>
        <th scope="col">Answers</th>
        <th scope="col">Right (before)</th>
        <th scope="col">Calibrated (after)</th>
      </tr>
    </thead>
    <tbody>
      {category.before.curve.map((bin, index) => (
        <tr key={bin.from}>
          <td>
            {percent(bin.from)}–{percent(bin.to)}
          </td>
          <td>{bin.count}</td>
          <td>{percent(bin.observed)}</td>
          <td>{percent(category.after.curve[index]?.meanScore ?? null)}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

const Categories = () => {
  const [view, setView] = useState<CalibrationView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    apiCall<CalibrationView>('GET', '/api/coaching/calibration')
      .then(setView)
      .catch((problem: Error) => setError(problem.message));
  }, []);
  if (error) return <p className="review-error">{error}</p>;
  if (!view) return <p className="loading">Fitting…</p>;
  if (view.categories.length === 0)
    return <p>No reviewed AI answers yet: label some on the review screen.</p>;
  return (
    <ol className="gaps">
      {view.categories.map((category) => (
        <li key={category.category} className="gap" data-testid="calibration-category">
          <h2>{category.category}</h2>
          <p className="gap-meta">
            {category.labels} reviewed answers · {category.status} · {category.note}
          </p>
          <ReliabilityTable category={category} />
        </li>
      ))}
    </ol>
  );
};

export const CalibrationPage = () => (
  <CoachingFrame
    title="Calibration"
    links={[
      ['/review', 'Review'],
      ['/gaps', 'Knowledge gaps'],
      ['/report', 'Weekly report'],
      ['/ops', 'Ops console'],
    ]}
  >
    {() => (
      <>
        <ThresholdSuggestions />
        <Categories />
      </>
    )}
  </CoachingFrame>
);
