/** Human names for plan-input fields, shared by the form (aria labels) and the validation messages. */
import type { PlanInputView } from '../../../src/api/planner-schemas.ts';

export const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** "order_status" → "Order status". */
export const humanize = (id: string): string => {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const volumeLabel = (category: string, channel: string): string =>
  `Weekly volume, ${humanize(category)} by ${channel}`;

const categoryFields: Readonly<Record<string, string>> = {
  handleMinutes: 'Handle time (min)',
  aiResolutionShare: 'AI resolution share',
  residualHandleTimeIncrease: 'Residual handle-time increase',
  specialist: 'Specialist work',
  id: 'Category name',
};
export const categoryLabel = (field: string, category: string): string =>
  `${categoryFields[field] ?? field}, ${humanize(category)}`;

const channelFields: Readonly<Record<string, string>> = {
  serviceLevel: 'Service level',
  targetSeconds: 'Answered within (s)',
  concurrency: 'Concurrency',
  patienceSeconds: 'Customer patience (s)',
};
export const channelLabel = (field: string, channel: string): string =>
  `${channelFields[field] ?? field}, ${channel}`;

export const fieldLabels: Readonly<Record<string, string>> = {
  residualHandleTimeIncrease: 'Residual handle-time increase',
  shrinkage: 'Shrinkage',
  maxOccupancy: 'Max occupancy',
  minimumCoverage: 'Minimum agents on shift',
  hoursPerFteWeek: 'Paid hours per FTE week',
  openingHours: 'Opening hours',
  'roles.aiQa.samplingRate': 'QA sampling rate',
  'roles.aiQa.flaggedShare': 'Flagged AI conversations reviewed',
  'roles.aiQa.minutesPerReview': 'Minutes per QA review',
};

/** The label of the field at a path of the plan input, e.g. ["volume", 3, "perWeek"]. */
export const labelForPath = (input: PlanInputView, path: readonly string[]): string => {
  const [head, index, field] = path;
  const i = Number(index);
  if (head === 'volume') {
    const row = input.volume[i];
    return row ? volumeLabel(row.category, row.channel) : `Weekly volume, row ${i + 1}`;
  }
  if (head === 'categories' && field !== undefined) {
    return categoryLabel(field, input.categories[i]?.id ?? `row ${i + 1}`);
  }
  if (head === 'channels' && field !== undefined) {
    return channelLabel(field, input.channels[i]?.id ?? `channel ${i + 1}`);
  }
  if (head === 'openingHours' && index !== undefined) return `Opening hours, ${days[i] ?? index}`;
  return fieldLabels[path.join('.')] ?? path.join('.');
};

export interface Problem {
  /** Path inside the plan input, e.g. "volume.3.perWeek" (empty for the input as a whole). */
  readonly path: string;
  readonly label: string;
  readonly message: string;
}

/** Plan-input fields the form shows in percent (stored as shares from 0 to 1). */
export const isPercentPath = (path: string): boolean =>
  /^categories\.\d+\.aiResolutionShare$|^channels\.\d+\.serviceLevel$|^(residualHandleTimeIncrease|maxOccupancy|shrinkage)$|^roles\.aiQa\.(samplingRate|flaggedShare)$/.test(
    path,
  );

const boundWords: Readonly<Record<string, string>> = {
  '<=': 'at most',
  '>=': 'at least',
  '<': 'less than',
  '>': 'more than',
};

/**
 * A validation message in the form's own words and units: a share shown as "150%" that is too big
 * reads "must be at most 100%", not "expected number to be <=1".
 */
export const readableProblem = (message: string, percent: boolean): string => {
  if (/expected number, received/i.test(message)) return 'must be a number';
  const bound = /expected number to be (<=|>=|<|>)\s*(-?\d+(?:\.\d+)?)/.exec(message);
  const words = bound ? boundWords[bound[1] ?? ''] : undefined;
  if (!bound || !words) return message;
  const value = Number(bound[2]);
  return `must be ${words} ${percent ? `${Number((value * 100).toFixed(4))}%` : String(value)}`;
};

/**
 * The problems in a 400 answer's message ("The request is not valid: input.volume.3.perWeek: Too
 * small…; input.shrinkage: …."), each named with the label the form shows for that field.
 */
export const problemsFromMessage = (input: PlanInputView, message: string): Problem[] => {
  const body = message.replace(/^[^:]*not valid:\s*/, '').replace(/\.$/, '');
  return body
    .split('; ')
    .map((part) => /^([\w.]+): (.*)$/.exec(part))
    .flatMap((match) => {
      if (!match) return [];
      const path = (match[1] ?? '').replace(/^input\.?/, '');
      const text = match[2] ?? '';
      const parts = path === '' ? [] : path.split('.');
      const label = parts.length === 0 ? 'Plan input' : labelForPath(input, parts);
      return [{ path, label, message: readableProblem(text, isPercentPath(path)) }];
    });
};
