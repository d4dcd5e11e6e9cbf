/**
 * Repeated asks by meaning: Baton's own paraphrase set (src/core/triage/regression/repeated-ask-set.ts)
 * through the whole triage of the last message, with the shipped policy, examples and demo knowledge.
 *
 *   npx tsx bench/triage/repeated-asks.ts [--show-misses]
 *
 * Recall: families whose third ask counts two repeats and escalates with `repeated_ask`.
 * False alarms: controls whose last message counts any repeat (and, separately, escalates on it).
 * Each list is split in half: the first half was used while writing the detector, the second is held out.
 * A later set (repeated-ask-later-set.ts), written after the detector's weights were set, is the
 * honest held-out figure; a third (repeated-ask-third-set.ts) was written after the detector of
 * 2026-12-05 evening was final and is reported on its own; a fourth (repeated-ask-fourth-set.ts), after
 * the detector with (action, object) slots of 2026-12-06 was final, likewise; a fifth
 * (repeated-ask-fifth-set.ts), after the slots' vocabulary was widened, likewise.
 */
import { buildTriageEngine } from '../../src/adapters/triage/run-triage-file.ts';
import { triageConversation } from '../../src/core/triage/index.ts';
import {
  fifthRepeatControls,
  fifthRepeatFamilies,
} from '../../src/core/triage/regression/repeated-ask-fifth-set.ts';
import {
  fourthRepeatControls,
  fourthRepeatFamilies,
} from '../../src/core/triage/regression/repeated-ask-fourth-set.ts';
import {
  laterRepeatControls,
  laterRepeatFamilies,
} from '../../src/core/triage/regression/repeated-ask-later-set.ts';
import {
  type AskSequence,
  repeatControls,
  repeatFamilies,
} from '../../src/core/triage/regression/repeated-ask-set.ts';
import {
  thirdRepeatControls,
  thirdRepeatFamilies,
} from '../../src/core/triage/regression/repeated-ask-third-set.ts';

const engine = await buildTriageEngine({});
const now = new Date('2026-11-24T12:00:00Z');
const answer = 'Here is what I found in our help centre.';
const showMisses = process.argv.includes('--show-misses');

const conversation = (sequence: AskSequence) => [
  { role: 'customer' as const, text: sequence.asks[0] },
  { role: 'ai' as const, text: answer },
  { role: 'customer' as const, text: sequence.asks[1] },
  { role: 'ai' as const, text: answer },
  { role: 'customer' as const, text: sequence.asks[2] },
];

interface Outcome {
  readonly count: number;
  readonly escalatedForRepeat: boolean;
}
const run = async (sequence: AskSequence): Promise<Outcome> => {
  const result = await triageConversation({ ...engine, messages: conversation(sequence), now });
  return {
    count: result.signals.repeated_ask,
    escalatedForRepeat: result.reasons.some((reason) => reason.code === 'repeated_ask'),
  };
};

const halves = <T>(
  items: readonly T[],
  later: readonly T[],
  third: readonly T[],
  fourth: readonly T[],
  fifth: readonly T[],
): [string, readonly T[]][] => {
  const middle = Math.ceil(items.length / 2);
  return [
    ['development half', items.slice(0, middle)],
    ['held-out half', items.slice(middle)],
    ['all', items],
    ['written later', later],
    ['written after the detector', third],
    ['written after the slots', fourth],
    ['written after the slot words', fifth],
  ];
};
const share = (part: number, whole: number) => (whole === 0 ? '—' : (part / whole).toFixed(3));

const started = performance.now();
for (const [name, families] of halves(
  repeatFamilies,
  laterRepeatFamilies,
  thirdRepeatFamilies,
  fourthRepeatFamilies,
  fifthRepeatFamilies,
)) {
  let two = 0;
  let any = 0;
  let escalated = 0;
  for (const sequence of families) {
    const outcome = await run(sequence);
    if (outcome.count >= 2) two += 1;
    if (outcome.count >= 1) any += 1;
    if (outcome.escalatedForRepeat) escalated += 1;
    else if (showMisses && name !== 'all') console.log(`  missed: ${sequence.name} (count ${outcome.count})`);
  }
  console.log(
    `families, ${name} (${families.length}): recall ${share(escalated, families.length)} escalated with repeated_ask; counted 2 repeats ${share(two, families.length)}, at least 1 ${share(any, families.length)}`,
  );
}
for (const [name, controls] of halves(
  repeatControls,
  laterRepeatControls,
  thirdRepeatControls,
  fourthRepeatControls,
  fifthRepeatControls,
)) {
  let flagged = 0;
  let escalated = 0;
  for (const sequence of controls) {
    const outcome = await run(sequence);
    if (outcome.count >= 1) {
      flagged += 1;
      if (showMisses && name !== 'all')
        console.log(`  false alarm: ${sequence.name} (count ${outcome.count})`);
    }
    if (outcome.escalatedForRepeat) escalated += 1;
  }
  console.log(
    `controls, ${name} (${controls.length}): false alarms ${share(flagged, controls.length)} (any repeat counted); escalated for repeated_ask ${share(escalated, controls.length)}`,
  );
}
console.log(`${((performance.now() - started) / 1000).toFixed(2)} s`);
