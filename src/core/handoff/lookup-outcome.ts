/** What one account lookup (SPEC §3 step 4) returned, as recorded in events and shown in the packet. */
export interface LookupField {
  readonly label: string;
  /** Already formatted for people ("$49.00", "3 March 2025", "Pro"). */
  readonly value: string;
}

export type LookupStatus = 'ok' | 'failed' | 'timeout';

export interface LookupOutcome {
  /** Integration name from config, e.g. `payments`. */
  readonly name: string;
  /** What the lookup checks, in the customer's words, e.g. `your payments`. */
  readonly label: string;
  /** The inputs the lookup was called with (never secrets). */
  readonly inputs: Readonly<Record<string, string>>;
  readonly status: LookupStatus;
  /** The fields to show; empty unless status is `ok`. */
  readonly fields: readonly LookupField[];
  /** Plain reason for a failure or time-out; null when ok. */
  readonly error: string | null;
  /** HTTP status when the service answered with an error. */
  readonly httpStatus?: number | null;
  readonly latencyMs: number;
  /** When the lookup finished (ISO 8601), for integration health. */
  readonly at?: string;
}
