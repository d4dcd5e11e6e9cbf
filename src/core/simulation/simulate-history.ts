/**
 * A realistic support history for a workspace (`baton simulate`, the demo): conversations over
 * `days` days with a weekly and a daily arrival profile, a topic mix, customers who come back,
 * some who ask for a person, agents' replies with realistic waits and handle times, ratings,
 * verdicts and review labels. The same seed gives the same history. The AI's part is not decided
 * here: each conversation is replayed through the live turn engine, which answers or hands over.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { EscalationVerdict, ReviewLabel } from '../events/index.ts';
import {
  acmeTopics,
  agentReplies,
  followUps,
  personRequests,
  RETURNING_SHARE,
  SAME_TOPIC_AGAIN,
  type SimulatedTopic,
} from './acme-topics.ts';

export interface SimulatedConversation {
  readonly id: string;
  readonly customer: string;
  readonly channel: string;
  readonly messages: readonly {
    readonly role: 'customer' | 'agent';
    readonly text: string;
    readonly at: string;
  }[];
  readonly csat?: number;
  readonly verdict?: EscalationVerdict;
  readonly review?: { readonly label: ReviewLabel };
}

export interface SimulationRequest {
  /** Midnight UTC of the first day. */
  readonly start: Date;
  readonly days: number;
  /** Conversations on an average day (weekdays get more, weekends fewer). */
  readonly perDay: number;
  readonly seed: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** Monday first: support is busiest early in the week and quietest at the weekend. */
const WEEKDAY_FACTOR = [1.15, 1.1, 1.05, 1.0, 0.95, 0.7, 0.6] as const;
/** Relative arrivals per UTC hour: a morning and an evening peak. */
const HOUR_WEIGHT = [
  0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.2, 1.6, 1.8, 1.8, 1.7, 1.6, 1.5, 1.5, 1.4, 1.3, 1.3, 1.4, 1.3,
  1.0, 0.6, 0.4,
] as const;
const RATING_ASKED = 0.4;
const RATINGS_CONTENT = [0.06, 0.06, 0.1, 0.3, 0.48] as const;
const RATINGS_WANTED_PERSON = [0.12, 0.12, 0.16, 0.3, 0.3] as const;
const VERDICT_GIVEN = 0.6;
const REVIEWED = 0.08;
const REVIEW_LABELS: readonly [ReviewLabel, number][] = [
  ['correct', 0.6],
  ['incomplete', 0.15],
  ['incorrect', 0.1],
  ['should_have_escalated', 0.1],
  ['unnecessary_escalation', 0.05],
];
const EMAIL_SHARE = 0.15;
/** Minutes until an agent picks up (mean of an exponential) and between an agent's replies. */
const PICK_UP_MEAN_MINUTES = 6;
const REPLY_GAP_MEAN_MINUTES = 4;

/** A seeded source of the random choices; the only state the simulation keeps. */
const randomSource = (seed: number) => {
  const rng = xoroshiro128plus(seed);
  const next = () => uniformFloat64(rng);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('picked from an empty list');
    return item;
  };
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let left = next() * total;
    for (const [item, w] of items) {
      left -= w;
      if (left < 0) return item;
    }
    const last = items.at(-1);
    if (!last) throw new Error('picked from an empty list');
    return last[0];
  };
  const exponential = (mean: number) => -mean * Math.log(1 - next());
  return { next, pick, weighted, exponential };
};
type Random = ReturnType<typeof randomSource>;

/** Arrival instants of one day, in order. */
const arrivalsOf = (random: Random, day: Date, perDay: number): Date[] => {
  const weekday = (day.getUTCDay() + 6) % 7;
  const expected = perDay * (WEEKDAY_FACTOR[weekday] ?? 1) * (0.85 + 0.3 * random.next());
  const count = Math.max(0, Math.round(expected));
  const hours = HOUR_WEIGHT.map((w, hour) => [hour, w] as const);
  return Array.from({ length: count }, () => {
    const hour = random.weighted(hours);
    return new Date(day.getTime() + hour * 60 * MINUTE_MS + Math.floor(random.next() * 60 * MINUTE_MS));
  }).sort((a, b) => a.getTime() - b.getTime());
};

const at = (time: number) => new Date(time).toISOString();

/** What one customer says and what the team replies, from the arrival on. */
const messagesOf = (random: Random, topic: SimulatedTopic, arrival: Date, wantsPerson: boolean) => {
  const messages: { role: 'customer' | 'agent'; text: string; at: string }[] = [];
  let time = arrival.getTime();
  messages.push({ role: 'customer', text: random.pick(topic.openings), at: at(time) });
  if (wantsPerson) {
    time += (1 + random.next() * 2) * MINUTE_MS;
    messages.push({ role: 'customer', text: random.pick(personRequests), at: at(time) });
  } else if (random.next() < topic.followUp) {
    time += (1 + random.next() * 3) * MINUTE_MS;
    messages.push({ role: 'customer', text: random.pick(followUps), at: at(time) });
  }
  // The team's replies; the replay ignores them when the AI never handed the conversation over.
  time += random.exponential(PICK_UP_MEAN_MINUTES) * MINUTE_MS + MINUTE_MS;
  const replies = 1 + Math.floor(random.next() * 3);
  for (let i = 0; i < replies; i += 1) {
    messages.push({
      role: 'agent',
      text: agentReplies[Math.min(i, agentReplies.length - 1)] ?? '',
      at: at(time),
    });
    time += (1 + random.exponential(REPLY_GAP_MEAN_MINUTES)) * MINUTE_MS;
  }
  return messages;
};

/** What is known of the outcome: a rating, the verdict on a handoff, now and then a reviewer's label. */
const outcomesOf = (random: Random, wantsPerson: boolean) => {
  const ratings = wantsPerson ? RATINGS_WANTED_PERSON : RATINGS_CONTENT;
  const csat =
    random.next() < RATING_ASKED ? random.weighted(ratings.map((w, i) => [i + 1, w] as const)) : null;
  const verdict: EscalationVerdict | null =
    random.next() < VERDICT_GIVEN
      ? random.next() < (wantsPerson ? 0.9 : 0.7)
        ? 'needed'
        : 'not_needed'
      : null;
  const review = random.next() < REVIEWED ? { label: random.weighted(REVIEW_LABELS) } : null;
  return {
    ...(csat === null ? {} : { csat }),
    ...(verdict === null ? {} : { verdict }),
    ...(review === null ? {} : { review }),
  };
};

/**
 * The first day of a history of `days` days that ends at midnight UTC the day before `now`, so
 * every quiet conversation's assumed-resolution window has passed by `now`.
 */
export const historyStart = (now: Date, days: number): Date => {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - (days + 1) * DAY_MS);
};

/** The history, oldest first. */
export const simulateHistory = (request: SimulationRequest): SimulatedConversation[] => {
  const random = randomSource(request.seed);
  const topics = acmeTopics.map((topic) => [topic, topic.weight] as const);
  const seen: { customer: string; topic: SimulatedTopic }[] = [];
  const history: SimulatedConversation[] = [];
  for (let d = 0; d < request.days; d += 1) {
    const day = new Date(request.start.getTime() + d * DAY_MS);
    for (const arrival of arrivalsOf(random, day, request.perDay)) {
      const earlier = seen.length > 0 && random.next() < RETURNING_SHARE ? random.pick(seen) : null;
      const customer = earlier?.customer ?? `sim-${request.seed}-${seen.length + 1}`;
      const topic = earlier && random.next() < SAME_TOPIC_AGAIN ? earlier.topic : random.weighted(topics);
      if (!earlier) seen.push({ customer, topic });
      const wantsPerson = random.next() < topic.asksForPerson;
      history.push({
        id: `sim-${request.seed}-c${history.length + 1}`,
        customer,
        channel: random.next() < EMAIL_SHARE ? 'email' : 'widget',
        messages: messagesOf(random, topic, arrival, wantsPerson),
        ...outcomesOf(random, wantsPerson),
      });
    }
  }
  return history;
};
