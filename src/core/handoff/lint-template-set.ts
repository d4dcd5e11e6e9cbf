/**
 * Lints a whole set of handoff templates the way ops will save them: the message layout on its own,
 * then the message rendered for every reason and every kind of wait, so a reason sentence or a wait
 * phrase that drops a part is caught before any customer sees it.
 */
import type { WaitEstimate } from '../wait/wait-estimate.ts';
import { buildHandoffInput } from './build-handoff-input.ts';
import { renderHandoffMessage } from './compose.ts';
import { placeholdersIn } from './fill-placeholders.ts';
import { type HandoffLintResult, lintHandoffMessage, lintHandoffTemplate } from './lint-handoff.ts';
import { buildHandoffPacket } from './packet.ts';
import { reasonCodes } from './reasons.ts';
import type { HandoffTemplateSet } from './templates.ts';

export interface TemplateSetProblem {
  /** Which template or which rendered case failed, e.g. `message`, `reason legal_threat, wait closed`. */
  readonly where: string;
  readonly result: HandoffLintResult;
}

const sampleWaits: readonly WaitEstimate[] = [
  { kind: 'estimate', method: 'queue_length', rawMinutes: 5.2, minutes: 5, words: 'about 5 minutes' },
  { kind: 'immediate', rawMinutes: 0, minutes: 0, words: 'under a minute' },
  {
    kind: 'closed',
    backAt: '2025-03-10T08:00:00.000Z',
    backAtWords: 'on Monday at 09:00 (Europe/Berlin time)',
    timeZone: 'Europe/Berlin',
  },
  { kind: 'unstaffed' },
  { kind: 'unknown', because: 'no recent handle times' },
];

const allowedInSentences = new Set(['team', 'need', 'category', 'wait', 'backAt']);

/** Every problem in a template set; an empty list means the set is safe to save. */
export const lintTemplateSet = (templates: HandoffTemplateSet): readonly TemplateSetProblem[] => {
  const problems: TemplateSetProblem[] = [];
  const layout = lintHandoffTemplate(templates.message);
  if (!layout.ok) problems.push({ where: 'message', result: layout });
  const sentences = [...Object.entries(templates.reasons), ...Object.entries(templates.wait)];
  for (const [name, sentence] of sentences) {
    const unknown = placeholdersIn(sentence).filter((placeholder) => !allowedInSentences.has(placeholder));
    if (unknown.length > 0) {
      const notes = unknown.map((placeholder) => `unknown placeholder {${placeholder}} in ${name}`);
      problems.push({ where: name, result: { ok: false, missing: [], notes } });
    }
  }
  // Without lookups or articles, the reason sentence alone has to carry the context part.
  const basePacket = buildHandoffPacket(buildHandoffInput({ lookups: [], triedArticles: [] }));
  for (const code of reasonCodes) {
    for (const wait of sampleWaits) {
      const packet = { ...basePacket, reasons: [{ code, label: code, evidence: 'sample' }], wait };
      const rendered = lintHandoffMessage(renderHandoffMessage(packet, templates));
      if (!rendered.ok) problems.push({ where: `reason ${code}, wait ${wait.kind}`, result: rendered });
    }
  }
  return problems;
};
