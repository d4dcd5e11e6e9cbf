/**
 * Prompt injection (SPEC §3: customer text is data, not instructions). Text that tries to steer
 * the AI — override its rules, reveal its instructions, take another role, read someone else's
 * account, or fake a system turn — is flagged as a risk signal. The flag changes nothing else:
 * the policy still decides, lookups stay bound to the conversation's customer, and the grounding
 * check still refuses what the sources do not say. The same detector reads article and lookup
 * text, where instructions may be hidden too.
 */

import type { Token } from './text.ts';

export type PromptInjectionKind =
  | 'override_instructions'
  | 'reveal_instructions'
  | 'role_change'
  | 'fake_turn'
  | 'claimed_authority'
  | 'other_customer_data'
  | 'dictated_output';

export interface PromptInjectionFinding {
  readonly fired: boolean;
  readonly kind: PromptInjectionKind | null;
  /** The words that fired, quoted from the text. */
  readonly evidence: string | null;
}

const gap = '[^.!?\\n]{0,40}?';
const rule =
  '(?:instructions?|rules?|prompts?|guidelines?|directives?|polic(?:y|ies)|programming|restrictions?|guardrails?|constraints?|system messages?|safety settings?|training)';
/** "ignore the delivery instructions I gave" is a customer's own instruction, not Baton's. */
const ownInstructions =
  '(?<!delivery |shipping |care |washing |assembly |cleaning |installation |return |my )';
const whose =
  "(?:your|all|any|previous|prior|above|preceding|earlier|original|initial|system|those|these|the bot's|the ai's|baton's)";
const readVerb =
  "(?:print|show|reveal|repeat|output|display|tell me|give me|share|dump|leak|recite|paste|spell out|write out|what(?:'s| is| are| were))";
const dataNoun =
  '(?:orders?|data|details|address(?:es)?|emails?|information|info|records?|payments?|cards?|phone numbers?|names?|conversations?|history|accounts?)';

/**
 * A pattern, and runs of letters one of which every match of it contains (none: always tried). A
 * message's words tell which patterns can match it, so most messages try none of the expressions.
 */
interface InjectionRule {
  readonly kind: PromptInjectionKind;
  readonly pattern: RegExp;
  readonly words: readonly string[];
}

const rules: readonly InjectionRule[] = [
  {
    kind: 'override_instructions',
    pattern: new RegExp(
      `\\b(?:ignore|disregard|forget|override|overrule|bypass|skip|drop|abandon|stop following|break)\\b(?:\\s+[\\w']+){0,3}?\\s+${whose}\\b(?:\\s+[\\w']+){0,2}?\\s+${ownInstructions}${rule}\\b`,
      'i',
    ),
    words: [
      'ignore',
      'disregard',
      'forget',
      'override',
      'overrule',
      'bypass',
      'skip',
      'drop',
      'abandon',
      'following',
      'break',
    ],
  },
  // Asking to get round a rule is steering too, whoever's rule it is.
  {
    kind: 'override_instructions',
    pattern: new RegExp(`\\b(?:bypass|circumvent|override|overrule)\\b${gap}\\b${rule}\\b`, 'i'),
    words: ['bypass', 'circumvent', 'override', 'overrule'],
  },
  {
    kind: 'override_instructions',
    pattern:
      /\b(?:new|updated|real|actual|secret|hidden|revised|overriding)\s+(?:system\s+)?(?:instructions?|directives?|system prompt|prompt)\s*(?::|are\b)|\binstructions? (?:have|has) (?:been )?changed\b|\bfollow (?:these|my|the following) (?:new )?(?:instructions|orders|commands)\b/i,
    words: ['instruction', 'directive', 'prompt', 'follow'],
  },
  {
    kind: 'reveal_instructions',
    pattern: new RegExp(
      `\\b${readVerb}\\b${gap}\\b(?:system prompt|initial prompt|hidden prompt|developer message|system message|pre-?prompt|(?:your|the bot's|the ai's) (?:instructions|prompt|programming|configuration|rules and instructions)|prompt (?:above|before)|instructions (?:above|you were given))\\b`,
      'i',
    ),
    words: ['prompt', 'message', 'instruction', 'programming', 'configuration'],
  },
  {
    kind: 'role_change',
    pattern:
      /\b(?:you are now|you're now|from now on,? you(?: are|'re| will)|act as (?:an?|my|the) (?!customer)|pretend (?:to be|you are|you're)|role-?play as|you are no longer|your new role|enter (?:developer|debug|god|admin|maintenance) mode|developer mode|jailbre?a?k|do anything now)\b/i,
    words: ['now', 'act', 'pretend', 'role', 'longer', 'mode', 'jailbr'],
  },
  {
    kind: 'fake_turn',
    pattern:
      /(?:^|\n)\s*(?:system|assistant|developer|admin)\s*:|<\|?\s*(?:im_start|im_end|system|endoftext)\s*\|?>|\[\/?(?:INST|SYS)\]|#{2,}\s*(?:instruction|system|new task)|\bbegin (?:system|admin|developer) (?:prompt|message|block)\b|\bend of (?:the )?(?:customer|user) (?:message|input)\b/i,
    words: ['sys', 'assistant', 'developer', 'admin', 'start', 'end', 'inst', 'task', 'begin'],
  },
  {
    kind: 'claimed_authority',
    pattern:
      /\b(?:i am|i'm|this is)\s+(?:your|the|an?|baton's|acme's)?\s*(?:developer|administrator|admin|creator|owner|operator|system owner)\b[^.!?\n]{0,60}\b(?:instruct|order|allow|authori[sz]e|command|tell|need you|override)|\b(?:admin|sudo|root|developer) (?:override|command|mode)\b|\byou (?:are|have been) (?:now )?(?:authori[sz]ed|allowed|permitted|instructed|ordered) to\b/i,
    words: [
      'developer',
      'admin',
      'creator',
      'owner',
      'operator',
      'override',
      'command',
      'mode',
      'authori',
      'allowed',
      'permitted',
      'instructed',
      'ordered',
    ],
  },
  {
    kind: 'other_customer_data',
    pattern: new RegExp(
      `\\b(?:${readVerb}|send|list|read|access|look ?up|pull up|fetch|get|who (?:is|was|are))\\b[^.!?\\n]{0,25}?\\b(?:(?:another|other|the last|the previous|the next|a different|all(?: the)?|every)\\s+(?:customers?|users?|clients?|members?|shoppers?|people|person)(?:'s|s')?|someone else'?s?|somebody else'?s?)\\b[^.!?\\n]{0,40}?\\b${dataNoun}\\b`,
      'i',
    ),
    words: ['customer', 'user', 'client', 'member', 'shopper', 'people', 'person', 'else'],
  },
  {
    kind: 'other_customer_data',
    pattern:
      /\b(?:look ?up|check|show|give|read|find|pull up|fetch)\b[^.!?\n]{0,30}\b(?:account|orders?|details|data) (?:of|for|belonging to) (?:customer|user|client)\b|\bcus_[a-z0-9]+\b/i,
    words: ['cus', 'user', 'client'],
  },
  {
    kind: 'dictated_output',
    pattern:
      /\b(?:say|reply|respond|output|write|print|type)\b[^.!?\n]{0,20}?\b(?:exactly|verbatim|word for word|only|nothing but|the following|the words?)\b\s*(?:with\s*)?[:"“'‘]|\b(?:decode|translate|convert)\b[^.!?\n]{0,40}\b(?:and|then)\s+(?:follow|execute|obey|do|run)\b/i,
    words: ['exactly', 'verbatim', 'word', 'only', 'nothing', 'following', 'decode', 'translate', 'convert'],
  },
  {
    kind: 'dictated_output',
    pattern:
      /\b(?:note|message|instructions?|attention|reminder)\s+(?:to|for)\s+(?:the\s+)?(?:ai|assistant|bot|chatbot|model|llm|language model)\b|\b(?:dear|hey|attention)\s+(?:ai|assistant|bot|chatbot|language model)\s*[,:]/i,
    words: ['note', 'message', 'instruction', 'attention', 'reminder', 'dear', 'hey'],
  },
];

const quoteAround = (text: string, index: number, length: number): string =>
  text
    .slice(index, index + length)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);

/** The rules without letter runs (bit n for rule n): tried on every text. */
const alwaysTried = rules.reduce(
  (mask, rule, index) => (rule.words.length === 0 ? mask | (1 << index) : mask),
  0,
);

/** The rules (bit n for rule n) with a letter run in `word`. */
const rulesIn = (word: string): number => {
  let found = 0;
  for (let index = 0; index < rules.length; index += 1) {
    for (const run of rules[index]?.words ?? []) {
      if (word.includes(run)) {
        found |= 1 << index;
        break;
      }
    }
  }
  return found;
};

/**
 * The rules whose letter runs occur in the tokens of the text. The runs are ASCII letters, which the
 * tokeniser never splits and the patterns only match case-insensitively, so a rule left out cannot match.
 */
const rulesNamedIn = (tokens: readonly Token[]): number => {
  let named = alwaysTried;
  for (const token of tokens) {
    let found = token.reading.injectionRules;
    if (found === undefined) {
      found = rulesIn(token.word);
      token.reading.injectionRules = found;
    }
    named |= found;
  }
  return named;
};

/**
 * Finds an attempt to steer the AI in one text (a customer message, an article, a lookup result).
 * A caller that already tokenised the text passes its tokens, and only the rules they name are tried.
 */
export const detectPromptInjection = (text: string, tokens?: readonly Token[]): PromptInjectionFinding => {
  const tried = tokens ? rulesNamedIn(tokens) : -1;
  if (tried === 0) return { fired: false, kind: null, evidence: null };
  const folded = text.replace(/[’`]/g, "'");
  for (let index = 0; index < rules.length; index += 1) {
    const rule = rules[index];
    if (!rule || (tried & (1 << index)) === 0) continue;
    const match = rule.pattern.exec(folded);
    if (match)
      return { fired: true, kind: rule.kind, evidence: quoteAround(folded, match.index, match[0].length) };
  }
  return { fired: false, kind: null, evidence: null };
};
