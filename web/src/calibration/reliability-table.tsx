/** One category's reliability: how often answers at each raw confidence were right, before and after calibration. */
import type { CalibrationView } from '../../../src/api/calibration-schemas.ts';

export type CalibratedCategory = CalibrationView['categories'][number];

export const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);

export const ReliabilityTable = ({ category }: { category: CalibratedCategory }) => (
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
