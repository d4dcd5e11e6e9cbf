/**
 * The handoff linter (SPEC §6): does a message (or a template) do the three things every handoff
 * must do — acknowledge the question, give the context, set expectations — and which is missing?
 * Phrase checks are heuristics over English wording; they are deliberately strict about the
 * expectation part, because "an agent will be with you shortly" is exactly what we must not send.
 */
import { placeholdersIn } from './fill-placeholders.ts';
import { repeatedPhrase } from './repeated-phrase.ts';

export type HandoffPart = 'acknowledgement' | 'context' | 'expectations';

export interface HandoffLintResult {
  readonly ok: boolean;
  readonly missing: readonly HandoffPart[];
  /** One plain sentence per problem, saying what to add. */
  readonly notes: readonly string[];
}

const quotedText = /[“"«‘']([^“”"«»‘’']{8,})[”"»’']/;
const acknowledgementPhrases =
  /\byou (asked|wrote|said|mentioned|want(ed)? to know|('re| are) asking)\b|\byour question\b|\byou(’|')re asking\b/i;
const contextPhrases =
  /\bI (checked|looked|read|tried|searched|found|couldn(’|')t|could not|wasn(’|')t|was not|can(’|')t|cannot|haven(’|')t)\b|\bhelp articles?\b|\bthis needs\b|\bneeds? (a|an|someone|review)\b|\bonly a person\b|\byou asked (to|for)\b|\bbecause\b/i;
const teamPhrases = /\bteam\b|\bcolleagues?\b|\bspecialists?\b|\bperson\b|\bagents?\b|\bsomeone\b/i;
const timePhrases =
  /\b(under|about|around|roughly|within) (a|an|\d+) (minutes?|hours?)\b|\b\d+ (minutes?|hours?)\b|\bback (on|at|today|tomorrow|in)\b|\b(today|tomorrow) at\b|\b\d{1,2}:\d{2}\b|\bwait time\b/i;
/**
 * The no-repeat promise in its natural forms: a negation ("won’t", "no need", "without", …) a few
 * words before repeating, re-explaining, explaining again, starting over or telling again — or
 * picking up where the conversation left off. "Please re-explain" has no negation and does not count.
 */
const negation = String.raw`\b(?:won[’']?t|will not|don[’']?t|do not|not|never|no need|without|needn[’']?t|shouldn[’']?t)\b`;
const retelling = String.raw`(?:repeat|re-?explain|explain\w*(?:\s+\w+)?\s+again|start(?:ing)?\s+(?:over|again|from scratch)|(?:tell|say)\w*(?:\s+\w+){0,2}\s+again)`;
const noRepeatPhrases = new RegExp(
  [
    String.raw`\brepeat yourself\b`,
    String.raw`${negation}(?:\W+\w+){0,4}?\W+${retelling}`,
    String.raw`\bpick(?:s|ing)? (?:it |this )?up (?:right )?where (?:we|I|you|they) left off\b`,
  ].join('|'),
  'i',
);

const result = (problems: ReadonlyArray<readonly [HandoffPart, string]>): HandoffLintResult => {
  const missing = [...new Set(problems.map(([part]) => part))];
  return { ok: missing.length === 0, missing, notes: problems.map(([, note]) => note) };
};

/** Checks a finished customer message for the three parts of a handoff. */
export const lintHandoffMessage = (text: string): HandoffLintResult => {
  const problems: Array<readonly [HandoffPart, string]> = [];
  if (!quotedText.test(text) && !acknowledgementPhrases.test(text)) {
    problems.push([
      'acknowledgement',
      'acknowledgement: quote or restate the customer’s question ("You asked: …")',
    ]);
  }
  if (!contextPhrases.test(text)) {
    problems.push([
      'context',
      'context: say what was looked up or tried and why that was not enough ("I checked …", "this needs …")',
    ]);
  }
  if (!teamPhrases.test(text)) {
    problems.push(['expectations', 'expectations: name the team or person who takes over']);
  }
  if (!timePhrases.test(text)) {
    problems.push([
      'expectations',
      'expectations: give a wait estimate ("about 5 minutes") or when the team is back',
    ]);
  }
  if (!noRepeatPhrases.test(text)) {
    problems.push([
      'expectations',
      'expectations: promise the customer they won’t have to repeat themselves',
    ]);
  }
  const linted = result(problems);
  const repeated = repeatedPhrase(text);
  if (repeated === null) return linted;
  return { ...linted, notes: [...linted.notes, `says “${repeated}” twice: say it once`] };
};

/** Placeholders the composer can fill in the whole-message template. */
export const messagePlaceholders = [
  'question',
  'lookups',
  'articles',
  'reasons',
  'team',
  'expectation',
] as const;

/** Checks a whole-message template for the placeholders and phrases each part needs. */
export const lintHandoffTemplate = (template: string): HandoffLintResult => {
  const used = new Set(placeholdersIn(template));
  const problems: Array<readonly [HandoffPart, string]> = [];
  if (!used.has('question')) {
    problems.push([
      'acknowledgement',
      'acknowledgement: include {question} so the customer sees their own words',
    ]);
  }
  if (!used.has('reasons')) {
    problems.push([
      'context',
      'context: include {reasons} so the customer hears why the AI could not finish',
    ]);
  }
  if (!used.has('lookups') && !used.has('articles')) {
    problems.push([
      'context',
      'context: include {lookups} and {articles} so the customer hears what was checked',
    ]);
  }
  if (!used.has('team')) {
    problems.push(['expectations', 'expectations: include {team} so the customer knows who takes over']);
  }
  if (!used.has('expectation')) {
    problems.push([
      'expectations',
      'expectations: include {expectation} (the wait estimate or when the team is back)',
    ]);
  }
  if (!noRepeatPhrases.test(template)) {
    problems.push([
      'expectations',
      'expectations: promise the customer they won’t have to repeat themselves',
    ]);
  }
  const known = new Set<string>(messagePlaceholders);
  const unknown = [...used].filter((name) => !known.has(name));
  const notes = unknown.map((name) => `unknown placeholder {${name}} will be left empty`);
  const linted = result(problems);
  return { ...linted, notes: [...linted.notes, ...notes] };
};
