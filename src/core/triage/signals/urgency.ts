/** `urgent` (SPEC §4): the customer says it is urgent or time-critical. */
import { createPhraseLists } from './phrase-matcher.ts';
import type { Token } from './text.ts';

export interface UrgencyFinding {
  readonly fired: boolean;
  readonly evidence: string | null;
}

/** Urgency (list 0) and calm (list 1), read in one pass. */
const phrases = createPhraseLists([
  {
    phrases: [
      'urgent',
      'urgently',
      'urgency',
      'asap',
      'as soon as possible',
      'emergency',
      'right away',
      'straight away',
      'immediately',
      'immediate',
      'time sensitive',
      'time critical',
      'hurry',
      'quickly please',
      'need it today',
      'need it tonight',
      'need it tomorrow',
      'by tonight',
      'by today',
      'by end of day',
      'deadline',
      'running out of time',
      'no time',
      'leaves in',
      'leaving in',
      'flight is in',
      'flight leaves',
      'within the hour',
      'in an hour',
      'in one hour',
      'in two hours',
      'in 1 hour',
      'in 2 hours',
      'in 30 minutes',
      'in ten minutes',
      'in 10 minutes',
      'critical',
      'life or death',
    ],
  },
  {
    phrases: ['no rush', 'no hurry', 'not urgent', 'whenever you can', 'in your own time'],
    negatable: false,
  },
]);
const [urgent, calm] = [0, 1];

/** Detects urgency unless the customer says there is no rush. */
export const detectUrgency = (text: string, tokens: readonly Token[]): UrgencyFinding => {
  const hits = phrases.matchAll(text, tokens);
  if (hits.some((hit) => hit.list === calm)) return { fired: false, evidence: null };
  const hit = hits.find((found) => found.list === urgent);
  return hit ? { fired: true, evidence: hit.evidence } : { fired: false, evidence: null };
};
