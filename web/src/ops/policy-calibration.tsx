/**
 * Calibration beside the policy it feeds (SPEC §8): per category, whether its threshold applies to
 * a calibrated or the raw score, from how many reviewed answers, and the expected calibration
 * error before and after, with the reliability curve one click away. People who may not read
 * reviews see nothing here.
 */
import { useEffect, useState } from 'react';
import type { CalibrationView } from '../../../src/api/calibration-schemas.ts';
import { type CalibratedCategory, percent, ReliabilityTable } from '../calibration/reliability-table.tsx';
import { apiCall } from '../shared/api.ts';
import '../gaps/gaps.css';

const appliesTo = (category: CalibratedCategory) =>
  category.status === 'calibrated'
    ? `threshold applies to the calibrated score (${category.model})`
    : 'threshold applies to the raw score';

export const PolicyCalibration = () => {
  const [view, setView] = useState<CalibrationView | null>(null);
  useEffect(() => {
    // A 403 (an agent) or a failure leaves the section out: the policy itself is what matters here.
    apiCall<CalibrationView>('GET', '/api/coaching/calibration')
      .then(setView)
      .catch(() => setView(null));
  }, []);
  if (!view) return null;
  return (
    <section aria-labelledby="policy-calibration-title" data-testid="policy-calibration">
      <h3 id="policy-calibration-title">Confidence calibration</h3>
      {view.categories.length === 0 ? (
        <p className="hint">No reviewed AI answers yet: thresholds apply to the raw score everywhere.</p>
      ) : (
        <ul className="policy-calibration">
          {view.categories.map((category) => (
            <li key={category.category} data-testid="policy-calibration-category">
              <details>
                <summary>
                  <strong>{category.category}</strong>: {appliesTo(category)} · {category.labels} reviewed
                  answers · ECE {percent(category.before.ece)} → {percent(category.after.ece)}
                </summary>
                <p className="hint">{category.note}</p>
                <ReliabilityTable category={category} />
              </details>
            </li>
          ))}
        </ul>
      )}
      <p className="hint">
        Threshold suggestions from the same reviews: <a href="/calibration">Calibration</a>.
      </p>
    </section>
  );
};
