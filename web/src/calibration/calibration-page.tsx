/**
 * The calibration view (SPEC §8): per category, how often answers at each raw confidence were right
 * (reliability before) against the fitted calibration (after), with the expected calibration error
 * of each and why the model was chosen, or why the raw score is kept.
 */
import { useEffect, useState } from 'react';
import type { CalibrationView } from '../../../src/api/calibration-schemas.ts';
import { CoachingFrame } from '../review/coaching-frame.tsx';
import { apiCall } from '../shared/api.ts';
import { ReliabilityTable } from './reliability-table.tsx';
import { ThresholdSuggestions } from './threshold-suggestions.tsx';
import '../gaps/gaps.css';

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
      ['/agent', 'Inbox'],
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
