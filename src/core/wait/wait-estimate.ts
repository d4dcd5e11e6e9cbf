/**
 * The honest wait estimate for one team queue (SPEC §6), from live state passed in.
 *
 * - Nobody on shift: no number at all; say when the team is back (business hours) or that it is
 *   not staffed right now.
 * - A free chat slot for this customer: immediate.
 * - Otherwise the queue-length predictor: the customer is served after `position + 1` completions,
 *   and completions arrive at `busy slots ÷ handle time` per minute (or the measured recent rate).
 * - Queue empty but occupancy unknown, with a known arrival rate: the Erlang C model's expected wait
 *   given that the queue is empty (see `emptyQueueWait`).
 */
import type { BusinessHours } from '../model.ts';
import { erlangB } from '../staffing/index.ts';
import { describeOpening, isOpen, nextOpening } from './business-hours.ts';
import { roundWait } from './round-wait.ts';

/** Live state of one team queue as the server sees it at the moment of handoff. */
export interface LiveQueueSnapshot {
  /** Customers already waiting in this team's queue ahead of this one. */
  readonly waitingAhead: number;
  /** Agents on the team who are on shift (status available), busy or not. */
  readonly agentsOnShift: number;
  /** Chats one agent handles at once. */
  readonly concurrency: number;
  /** Free chat slots among agents on shift right now; null or absent when not known. */
  readonly freeSlots?: number | null;
  /** Recent average handle time of one chat on this team, in minutes; null when there is no history. */
  readonly recentHandleMinutes: number | null;
  /** Measured recent completions per minute on this team, used when handle time is unknown. */
  readonly recentCompletionsPerMinute?: number | null;
  /** Recent arrivals per minute to this team's queue; enables Erlang C when occupancy is unknown. */
  readonly arrivalsPerMinute?: number | null;
}

/** The queue shape `baton triage` accepts on input (SPEC §13). */
export interface SimpleQueueSnapshot {
  readonly waiting: number;
  readonly agentsAvailable: number;
  readonly avgHandleMinutes: number;
}

export type QueueSnapshot = LiveQueueSnapshot | SimpleQueueSnapshot;

export type WaitEstimate =
  | { readonly kind: 'immediate'; readonly rawMinutes: 0; readonly minutes: 0; readonly words: string }
  | {
      readonly kind: 'estimate';
      readonly method: 'queue_length' | 'erlang_c';
      readonly rawMinutes: number;
      readonly minutes: number;
      readonly words: string;
    }
  | {
      readonly kind: 'closed';
      readonly backAt: string;
      readonly backAtWords: string;
      readonly timeZone: string;
    }
  | { readonly kind: 'unstaffed' }
  | { readonly kind: 'unknown'; readonly because: string };

/** Maps the triage input shape onto the live shape; the simple shape carries no occupancy. */
export const toLiveSnapshot = (queue: QueueSnapshot): LiveQueueSnapshot => {
  if ('waitingAhead' in queue) return queue;
  // `agentsAvailable` counts agents on shift. With people already waiting they are all busy;
  // with nobody waiting the triage input has no occupancy, so an available agent is taken as free.
  return {
    waitingAhead: Math.max(0, queue.waiting),
    agentsOnShift: Math.max(0, queue.agentsAvailable),
    concurrency: 1,
    freeSlots: queue.waiting > 0 ? 0 : queue.agentsAvailable,
    recentHandleMinutes: queue.avgHandleMinutes > 0 ? queue.avgHandleMinutes : null,
  };
};

const positive = (value: number | null | undefined): number | null =>
  value !== null && value !== undefined && Number.isFinite(value) && value > 0 ? value : null;

/**
 * Expected wait of a customer who finds the queue empty but cannot see how many slots are busy.
 * In the Erlang C model (M/M/c) the busy-slot count seen by an arrival, given an empty queue, follows
 * the truncated Poisson law whose top term is Erlang B: with probability B(c, A) every slot is busy
 * and the wait is one completion, handle ÷ slots; otherwise it is zero. Unlike the unconditional
 * Erlang C average this stays finite and small near full load, because the empty queue is evidence.
 */
const emptyQueueWait = (trafficErlangs: number, slots: number, handle: number): number =>
  (erlangB({ trafficErlangs, agents: slots }) * handle) / slots;

/** Expected minutes until this customer is picked up, or null when live state cannot say. */
export const predictWaitMinutes = (
  live: LiveQueueSnapshot,
): { readonly minutes: number; readonly method: 'queue_length' | 'erlang_c' } | null => {
  const slots = Math.max(0, live.agentsOnShift) * Math.max(1, live.concurrency);
  if (slots === 0) return null;
  const position = Math.max(0, live.waitingAhead);
  const free = live.freeSlots === null || live.freeSlots === undefined ? null : Math.max(0, live.freeSlots);
  if (free !== null && free > position) return { minutes: 0, method: 'queue_length' };
  const handle = positive(live.recentHandleMinutes);
  if (free === null && position === 0) {
    const arrivals = positive(live.arrivalsPerMinute);
    if (handle !== null && arrivals !== null)
      return { minutes: emptyQueueWait(arrivals * handle, slots, handle), method: 'erlang_c' };
  }
  // The people ahead fill any free slots first; after that every slot is busy until our turn.
  const stillAhead = position - (free ?? 0);
  const completionsPerMinute = handle !== null ? slots / handle : positive(live.recentCompletionsPerMinute);
  if (completionsPerMinute === null) return null;
  return { minutes: (stillAhead + 1) / completionsPerMinute, method: 'queue_length' };
};

export interface WaitEstimateInput {
  readonly queue: QueueSnapshot;
  readonly businessHours: BusinessHours | null;
  readonly now: Date;
}

const noHours = {};
/**
 * The last estimate per snapshot and business hours (both readonly values). `baton triage` asks
 * the same question for every handoff of a file, triaged at one moment with one snapshot; the live
 * server passes a fresh snapshot each time, whose entry goes when the snapshot does.
 */
const lastEstimates = new WeakMap<QueueSnapshot, WeakMap<object, { at: number; estimate: WaitEstimate }>>();

/** Decides what the customer can honestly be told about the wait for one team at `now`. */
export const estimateWait = (input: WaitEstimateInput): WaitEstimate => {
  const byHours = lastEstimates.get(input.queue) ?? new WeakMap();
  lastEstimates.set(input.queue, byHours);
  const hoursKey = input.businessHours ?? noHours;
  const at = input.now.getTime();
  const last = byHours.get(hoursKey);
  if (last && last.at === at) return last.estimate;
  const estimate = computeWait(input);
  byHours.set(hoursKey, { at, estimate });
  return estimate;
};

const computeWait = ({ queue, businessHours, now }: WaitEstimateInput): WaitEstimate => {
  const live = toLiveSnapshot(queue);
  if (live.agentsOnShift <= 0) {
    if (businessHours && !isOpen(businessHours, now)) {
      const opening = nextOpening(businessHours, now);
      if (opening) {
        return {
          kind: 'closed',
          backAt: opening.toISOString(),
          backAtWords: describeOpening(opening, now, businessHours.timeZone),
          timeZone: businessHours.timeZone,
        };
      }
    }
    return { kind: 'unstaffed' };
  }
  const prediction = predictWaitMinutes(live);
  if (!prediction) return { kind: 'unknown', because: 'no recent handle times for this team' };
  if (prediction.minutes === 0)
    return { kind: 'immediate', rawMinutes: 0, minutes: 0, words: 'under a minute' };
  const rounded = roundWait(prediction.minutes);
  return { kind: 'estimate', method: prediction.method, rawMinutes: prediction.minutes, ...rounded };
};

/** The number of minutes promised to the customer, or null when no number was promised. */
export const promisedMinutes = (estimate: WaitEstimate): number | null =>
  estimate.kind === 'immediate' || estimate.kind === 'estimate' ? estimate.minutes : null;
