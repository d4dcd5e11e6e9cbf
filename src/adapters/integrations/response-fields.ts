/** Reads and formats the configured fields from a lookup's JSON response. */
import type { LookupField } from '../../core/handoff/lookup-outcome.ts';
import type { LookupFieldConfig } from './integration-config.ts';

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null;

/** Follows a path such as `payments[0].amount` into parsed JSON; undefined when any step is missing. */
export const readPath = (data: unknown, path: string): unknown => {
  const steps = path.match(/[^.[\]]+/g) ?? [];
  let current: unknown = data;
  for (const step of steps) {
    if (Array.isArray(current) && /^\d+$/.test(step)) current = current[Number(step)];
    else if (isRecord(current) && !Array.isArray(current) && Object.hasOwn(current, step))
      current = current[step];
    else return undefined;
  }
  return current;
};

type Formatted =
  | { readonly kind: 'ok'; readonly value: string }
  | { readonly kind: 'bad'; readonly reason: string };

const formatMoney = (value: unknown, currency: unknown): Formatted => {
  const amount = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isFinite(amount)) return { kind: 'bad', reason: 'is not an amount' };
  if (typeof currency === 'string' && /^[A-Za-z]{3}$/.test(currency)) {
    const formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() });
    return { kind: 'ok', value: formatter.format(amount) };
  }
  return { kind: 'ok', value: amount.toFixed(2) };
};

const formatDate = (value: unknown): Formatted => {
  const date = typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) return { kind: 'bad', reason: 'is not a date' };
  const formatter = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return { kind: 'ok', value: formatter.format(date) };
};

const formatText = (value: unknown): Formatted => {
  if (typeof value === 'string') return { kind: 'ok', value: value.trim().slice(0, 200) };
  if (typeof value === 'number' || typeof value === 'boolean') return { kind: 'ok', value: String(value) };
  return { kind: 'bad', reason: 'is not a plain value' };
};

/** The labelled fields to show, or the plain reason the response does not have them. */
export const extractFields = (
  data: unknown,
  fields: readonly LookupFieldConfig[],
):
  | { readonly kind: 'ok'; readonly fields: readonly LookupField[] }
  | { readonly kind: 'bad'; readonly reason: string } => {
  const shown: LookupField[] = [];
  for (const field of fields) {
    const raw = readPath(data, field.path);
    if (raw === undefined || raw === null) {
      if (field.optional) continue;
      return { kind: 'bad', reason: `the response has no ${field.path}` };
    }
    const currency = field.currency ?? (field.currencyPath ? readPath(data, field.currencyPath) : undefined);
    const formatted =
      field.format === 'money'
        ? formatMoney(raw, currency)
        : field.format === 'date'
          ? formatDate(raw)
          : formatText(raw);
    if (formatted.kind === 'bad')
      return { kind: 'bad', reason: `${field.path} in the response ${formatted.reason}` };
    shown.push({ label: field.label, value: formatted.value });
  }
  return { kind: 'ok', fields: shown };
};
