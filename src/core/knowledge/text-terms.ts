/**
 * Turns support text into comparable terms: lowercase, support phrases folded into one term,
 * stop-words dropped, light suffix stripping, and synonyms mapped onto one canonical term, so
 * "my parcel hasn't arrived" and "late or missing order" meet on `order` and `late`.
 * The same function runs over articles and questions, so both sides always agree.
 */

const stopWords = new Set(
  `a about above after again all am an and any anyone anything are as at be because been before being
  below between both but by can cannot could did do does doing done dont down during each else even ever
  every few for from further get gets getting give go going got had has have having he her here hers
  herself him himself his hi hello hey how however i id if im in into is isnt it its itself ive just
  know let like ll me might mine more most much must my myself need needs no nor not now of off ok okay
  on once one only or other our ours ourselves out over own please pls plz re ve same she should so some
  someone something still such than thank thanks thx that thats the their theirs them themselves then
  there these they this those through to too under until up us use used very via want wanted was wasnt
  way we well were what whats when which while who whom why will with within without would yes yet you
  youre your yours yourself yourselves also already really maybe actually sure tell help hii put take
  make say says said mean means ago many lot lots thing things stuff able guys anything everything another new
  wondering wonder question last recent recently today yesterday assistance assist support ya
  wanna gonna gotta ur don dont cant won wont didnt doesnt isnt check see seeing try trying information info
  hasnt havent hadnt arent werent couldnt wouldnt shouldnt mustnt neednt aint
  hasn haven hadn doesn didn isn wasn aren weren couldn wouldn shouldn mustn needn
  issue issues bloody damn hell able possible kindly somebody
  mr mrs ms miss dr sir madam fuck fucking fucked goddamn shit crap freaking
  inform informing notify notifying against quick quickly situation situations circumstance circumstances
  dollar dollars euro euros pound pounds usd eur gbp
  january february march april may june july august september october november december`.split(/\s+/),
);

/** "Didn't sign up for", "never agreed to": the customer did not ask for something. */
const notAgreed =
  "(?:didn'?t|did not|never|haven'?t|have not)\\s+(?:signup|sign(?:ed)? ?up|subscribed?|joined?|register(?:ed)?|agreed?|opt(?:ed)? in|asked?)\\s+(?:for|to)\\b";
/** The start of a word of being charged or paying. */
const paidWord = /\b(?:charg|bill|debit|pa[iy]|taken|money)/;
const lineBreak = /[\n\r\u2028\u2029]/;

/**
 * Whether the line around `text[at, at + length)` speaks of being charged or paying, before or
 * after it. (Checked on the match rather than with a look-behind: a look-behind that scans back to
 * the start of the line at every position of every question cost more than all other rules.)
 */
const paidAround = (text: string, at: number, length: number): boolean => {
  let start = at;
  while (start > 0 && !lineBreak.test(text.charAt(start - 1))) start -= 1;
  let end = at + length;
  while (end < text.length && !lineBreak.test(text.charAt(end))) end += 1;
  return paidWord.test(text.slice(start, at)) || paidWord.test(text.slice(at + length, end));
};

/** Multi-word support phrases rewritten to one term before splitting into words. */
type Rewrite = string | ((said: string, at: number, text: string) => string);
const phraseRules: readonly (readonly [RegExp, Rewrite])[] = [
  [/\bmoney back\b/g, ' refund '],
  [/\bsen[dt](?:ing)? (?:\w+ ){0,2}back\b/g, ' return '],
  [
    /\b(?:charg|bill|pa[iy]|price)\w* (?:\w+ ){0,2}(?:more|higher|different|extra|twice|increased|went up)\b/g,
    ' charge change ',
  ],
  [/\b(?:difference|differences|compare|comparison|versus|vs)\b/g, ' compare '],
  [/\b(?:sign|log)(?:ged|ging)? ?(?:in|on)(?:to)?\b/g, ' login '],
  [/\bhow much\b/g, ' price '],
  [/\bhow long\b/g, ' time '],
  [/\b(?:two|2)[- ]?(?:factor|step)\b/g, ' 2fa '],
  [/\b(?:verification|authentication|security|one[- ]time) codes?\b/g, ' 2fa code '],
  [/\be-?mail\b/g, ' email '],
  [/\b(?:credit|debit|bank) card\b/g, ' card '],
  [/\bcustomer (?:service|care|support)\b/g, ' contact '],
  [/\b(?:real|live) (?:person|human|agent)\b/g, ' human '],
  [
    /\b(?:not|never|hasnt|hasn't|havent|haven't|didnt|didn't|still not) (?:arrived?|received?|come|turned up|shown up|delivered)\b/g,
    ' late lost ',
  ],
  [/\b(?:not|stopped|isnt|isn't|doesnt|doesn't) work(?:ing|s)?\b/g, ' faulty '],
  // A device that will not start, charge or heat is faulty, however the customer puts it.
  [
    /\b(?:won'?t|wont|will not|doesn'?t|does not|didn'?t|did not|stopped|stops|keeps? not) (?:turn(?:ing)? on|switch(?:ing)? on|power(?:ing)? (?:on|up)|charg(?:e|es|ing)|heat(?:s|ing)?(?: up)?|start(?:s|ing)?)\b/g,
    ' faulty ',
  ],
  [/\bnext[- ]day\b/g, ' nextday '],
  [/\bgift ?cards?\b/g, ' giftcard '],
  [/\bwhere(?:'s|s| is| are)\b/g, ' where '],
  [/\bnothing (?:has )?(?:came|come|arrived|turned up|shown up)\b/g, ' late lost '],
  // "It says delivered but I never got it": not getting the order itself (not an e-mail or a code).
  [
    /\b(?:not|never|hasnt|hasn't|havent|haven't|didnt|didn't|still not) (?:got|gotten|get|had) (?:it|them|my (?:order|parcel|package|delivery|items?))\b/g,
    ' late lost ',
  ],
  [/\btoo late\b/g, ' '],
  [/\bmov(?:ed|ing|e) (?:house|home|flat)\b/g, ' change address '],
  [/\bsign(?:ed|ing)? ?up\b/g, ' signup '],
  [/\beta\b/g, ' estimated delivery '],
  [
    /\b(?:lodg|fil|submit|rais|mak|open)(?:e|es|ed|ing)? (?:a |an )?(?:\w+ )?(?:claim|complaint|reclamation)s?\b/g,
    ' complaint ',
  ],
  [/\bbills?\b/g, ' invoice '],
  // When a shop or a line opens and closes is its opening hours, not closing an account.
  [
    /\b(?:what time|when|how late|how early|until when)\s+(?:do|does|are|is)\s+(?:you|your(?:\s+\w+){1,2}|the\s+(?:shop|store|lines?|phone lines?|chat|team|office|support))\s+(?:clos(?:e|es|ed|ing)|open(?:s|ed|ing)?)\b/g,
    ' opening hours ',
  ],
  [/\b(?:opening|closing|business|office|working) (?:hours|times)\b/g, ' opening hours '],
  // Another customer's order in the parcel is a wrong item.
  [
    /\b(?:someone|somebody|another (?:person|customer)) else'?s (?:order|parcel|package|items?|stuff)\b|\bnot my (?:order|parcel|package|items?)\b/g,
    ' wrong item ',
  ],
  // A second or extra address is one more saved address, not a second account.
  [/\b(?:second|another|extra|other) (?:delivery |shipping )?address(?:es)?\b/g, ' add address '],
  [/\bset(?:ting)? (?:\w+ ){0,4}up\b/g, ' add '],
  [/\bearly (?:exit|termination|cancellation)\b/g, ' cancel '],
  // Opening the goods is about their packaging (may it still go back?), not opening hours.
  [
    /\b(?:opened|unboxed|unsealed|unwrapped) (?:it|them|the (?:box|boxes|packaging|package|packet|seal|wrapping))\b/g,
    ' original packaging ',
  ],
  // "When will I get my refund", "when does it arrive": a question about time, like "how long".
  [/\bwhen (?:will|would|do|does|did|should|can|could)\b/g, ' time '],
  // A payment or an order that will not go through has failed ("get through" is reaching someone).
  [
    /\b(?:not|never|isn'?t|won'?t|wont|will not|didn'?t|did not|doesn'?t|does not|wouldn'?t|can'?t|cannot) (?:go(?:es|ing)?|gone|went) through\b/g,
    ' fail ',
  ],
  // "Where can I see my invoices" asks where to find something in the account; "where can I find
  // my parcel" still asks where the parcel is.
  [
    /\bwhere (?:can|could|do|would|should|may) (?:i|we) (?:see|find|view|get|download|access|read|look(?: at| up)?)\b(?! (?:my|the|our|this) (?:orders?|parcels?|packages?|deliver(?:y|ies)|shipments?|items?)\b(?! (?:number|history|details|confirmation|invoice|receipt)))/g,
    ' find ',
  ],
  // Changing one's mind about a purchase is what the returns policy is for.
  [/\bchang(?:e|ed|es|ing) (?:my|our|your|his|her|their) minds?\b/g, ' return '],
  // "Are you open on Sundays": when the company answers, not opening a parcel or an account.
  [
    /\b(?:are|is) (?:you|your (?:shop|store|team|office|support|chat|phone lines?)|the (?:shop|store|team|office|support|chat|phone lines?)) (?:still )?open\b|\bopen (?:on|at) (?:weekends?|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|bank holidays?)\b/g,
    ' opening hours ',
  ],
  // "Why was I charged £9.99": a charge the customer does not expect.
  [
    /\bwhy (?:was|were|am|have|has|did|is) (?:i|we|my card|my account|it) (?:been |being )?(?:charged|billed|debited)\b/g,
    ' unexpected charge ',
  ],
  // A new day for a delivery is rearranging it, not how long delivery takes.
  [
    /\bchang(?:e|ed|es|ing) (?:the |my |our )?deliver(?:y)? (?:date|day|time|slot)\b/g,
    ' rearrange delivery ',
  ],
  // Part of an order missing is a missing item, not a lost parcel.
  [
    /\b(?:half|part|some|most|rest) of (?:my|the) (?:order|parcel|package|delivery|items)\b|\bhalf (?:my|the) (?:order|parcel|package|delivery)\b|\bmissing from (?:my|the) (?:order|parcel|package|delivery|box)\b/g,
    ' missing item ',
  ],
  [/\bre-?send(?:ing)?\b/g, ' copy '],
  // Charged for something never signed up for: a charge the customer does not expect, not signing
  // up. (An earlier rule has already written "signed up" as " signup ", hence the spaces.)
  [
    new RegExp(`\\b${notAgreed}`, 'g'),
    (said, at, text) => (paidAround(text, at, said.length) ? ' unexpected charge ' : said),
  ],
];

/** A regex source's top-level alternatives (split at each `|` outside groups and character classes). */
export const topLevelAlternatives = (source: string): string[] => {
  const alternatives: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let at = 0; at < source.length; at += 1) {
    const char = source[at];
    if (char === '\\') at += 1;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (char === '|' && depth === 0) {
      alternatives.push(source.slice(start, at));
      start = at + 1;
    }
  }
  alternatives.push(source.slice(start));
  return alternatives;
};

/** Whether every top-level alternative of a regex source starts with `\b`. */
export const startsAtWordBoundary = (source: string): boolean =>
  topLevelAlternatives(source).every((alternative) => alternative.startsWith('\\b'));

/**
 * The sources of all patterns as one alternation, the shared leading `\b` tested once when there is
 * one; with `capturing`, each pattern's match is a group of its own, so a match says which pattern.
 */
export const anyOfSource = (sources: readonly string[], capturing = false): string => {
  const open = capturing ? '(' : '(?:';
  return sources.every(startsAtWordBoundary)
    ? `\\b(?:${sources.map((source) => `${open}${source.slice(2)})`).join('|')})`
    : sources.map((source) => `${open}${source})`).join('|');
};

/** The phrase rules' patterns (for the test that the scans below agree with them). */
export const phrasePatterns: readonly RegExp[] = phraseRules.map(([pattern]) => pattern);

/** How many capturing groups a regex source has (an empty alternative makes it match ''). */
const groupCount = (source: string): number => (new RegExp(`${source}|`).exec('')?.length ?? 1) - 1;

/**
 * For each phrase rule, the number of its group in the scan below: one group wrapping the rule,
 * after the groups of the rules before it (and their own groups, none today).
 */
const ruleGroups = (patterns: readonly RegExp[]): number[] => {
  const groups: number[] = [];
  let group = 1;
  for (const pattern of patterns) {
    groups.push(group);
    group += 1 + groupCount(pattern.source);
  }
  return groups;
};

/**
 * All phrase rules as one pattern, each in a group of its own, so a match says which rule. Every
 * rule starts at a word boundary, tested once per position before the rules: V8 otherwise tries
 * each rule's `\b` at every position of the text, which cost twice the time. (One pattern for all
 * rules: a pattern this size takes V8 ~14 ms to compile, too much to have one per starting rule.)
 */
const phraseScan = new RegExp(
  anyOfSource(
    phrasePatterns.map((pattern) => pattern.source),
    true,
  ),
  'g',
);
const phraseScanGroups = ruleGroups(phrasePatterns);

/** Each rule anchored where it is tried, for a position where an earlier rule hides it in the scan. */
const phraseRulesAnchored = phrasePatterns.map((pattern) => new RegExp(pattern.source, 'y'));

/** Which rule matched: the first whose group took part in the match. */
const matchedRule = (match: RegExpExecArray): number => {
  for (let rule = 0; rule < phraseScanGroups.length; rule += 1) {
    if (match[phraseScanGroups[rule] ?? 0] !== undefined) return rule;
  }
  return -1;
};

/** The first rule from index `from` up to (not including) `before` that matches at `at`; -1 for none. */
const firstRuleAt = (text: string, at: number, from: number, before: number): number => {
  for (let rule = from; rule < before; rule += 1) {
    const anchored = phraseRulesAnchored[rule];
    if (anchored === undefined) continue;
    anchored.lastIndex = at;
    if (anchored.test(text)) return rule;
  }
  return -1;
};

/**
 * The index of the first phrase rule, from index `from` on, that matches a text; -1 when none does.
 * Rules rewrite in order, and a rule that does not match leaves the text as it was, so only the
 * rules that match need to run: about one of the fifty for a text with a phrase, none for most.
 * At each position the scan takes the first rule matching there, so it steps one character past
 * each match (not past its end, where a match of an earlier rule may start) and keeps the lowest
 * rule met. Where the rule it takes comes before `from` (a rewrite such as " email " matches its
 * own rule again), the rules from `from` on are tried at that position one by one.
 */
export const firstPhraseRule = (text: string, from: number): number => {
  let first = phraseRules.length;
  phraseScan.lastIndex = 0;
  for (let match = phraseScan.exec(text); match !== null; match = phraseScan.exec(text)) {
    const taken = matchedRule(match);
    const rule = taken >= from ? taken : firstRuleAt(text, match.index, from, first);
    if (rule === from) return from;
    if (rule !== -1 && rule < first) first = rule;
    phraseScan.lastIndex = match.index + 1;
  }
  return first === phraseRules.length ? -1 : first;
};

/** Groups of words that mean the same thing to a support desk; the first is the canonical term. */
const synonymGroups: readonly (readonly string[])[] = [
  ['order', 'parcel', 'package', 'purchase', 'bought', 'buy'],
  ['track', 'where', 'trace', 'locate', 'whereabouts'],
  ['ship', 'shipping', 'shipment', 'postage', 'dispatch', 'courier'],
  ['deliver', 'delivery', 'arrive', 'arrival'],
  ['late', 'delay', 'overdue', 'slow'],
  ['lost', 'missing', 'disappeared'],
  ['refund', 'reimburse', 'reimbursement', 'repay', 'repayment', 'compensation', 'rebate', 'restitution'],
  ['cancel', 'cancellation', 'cancelation', 'terminate', 'termination'],
  ['register', 'signup', 'registration', 'enrol', 'enroll'],
  ['exchange', 'swap'],
  ['rearrange', 'reschedule', 'postpone'],
  ['forgot', 'forgotten', 'forget'],
  ['method', 'modality'],
  ['item', 'article'],
  ['invoice', 'receipt'],
  ['charge', 'debit', 'deduct', 'deduction', 'billed'],
  ['price', 'cost', 'fee', 'expensive', 'pricing', 'cheap', 'penalty'],
  ['password', 'passcode', 'pwd', 'passwort', 'pass'],
  ['reset', 'recover', 'recovery', 'retrieve', 'restore'],
  ['login', 'signin', 'logon'],
  ['change', 'update', 'edit', 'modify', 'amend', 'switch', 'alter'],
  ['delete', 'remove', 'erase', 'close', 'deactivate'],
  [
    'faulty',
    'broken',
    'broke',
    'breaks',
    'damaged',
    'damage',
    'defective',
    'fault',
    'cracked',
    'crack',
    'chipped',
    'dented',
    'smashed',
    'shattered',
    'malfunction',
    'leak',
    'leaks',
    'leaking',
    'leaky',
    'torn',
    'ripped',
  ],
  ['warranty', 'guarantee', 'guaranty'],
  ['human', 'person', 'agent', 'representative', 'rep', 'staff', 'operator', 'somebody'],
  ['contact', 'reach', 'speak', 'talk'],
  ['phone', 'telephone', 'call', 'ring'],
  ['subscription', 'subscribe', 'membership', 'member'],
  ['international', 'abroad', 'overseas', 'worldwide', 'foreign'],
  ['lock', 'locked', 'blocked', 'suspended', 'frozen'],
  ['size', 'sizing', 'dimension', 'measurement', 'measure'],
  ['wash', 'clean', 'cleaning'],
  ['complaint', 'complain', 'unhappy', 'dissatisfied', 'reclamation'],
  ['feedback', 'review', 'opinion', 'comment'],
  ['privacy', 'gdpr'],
  ['plan', 'tier', 'premium'],
  ['time', 'timing', 'timeframe', 'timescale'],
  ['2fa', 'authenticator', 'otp', 'mfa'],
  ['account', 'user'],
  ['problem', 'trouble', 'error', 'difficulty', 'difficulties'],
  ['add', 'additional', 'secondary'],
];

const endsWithDoubleConsonant = (word: string): boolean => {
  const last = word.at(-1);
  return word.length > 3 && last !== undefined && last === word.at(-2) && !'aeious'.includes(last);
};

/** A deliberately light stemmer: plural, -ing, -ed and a final -e, so word families collapse. */
export const stemWord = (word: string): string => {
  let stem = word;
  if (stem.length <= 3) return stem;
  let verbForm = false;
  if (stem.endsWith('ies') && stem.length > 4) stem = `${stem.slice(0, -3)}y`;
  else if (stem.endsWith('ied') && stem.length > 4) stem = `${stem.slice(0, -3)}y`;
  else if (stem.endsWith('ing') && stem.length > 5) [stem, verbForm] = [stem.slice(0, -3), true];
  else if (stem.endsWith('ed') && stem.length > 4 && !stem.endsWith('eed'))
    [stem, verbForm] = [stem.slice(0, -2), true];
  else if (/(?:ches|shes|sses|xes|zes)$/.test(stem)) stem = stem.slice(0, -2);
  else if (stem.endsWith('s') && !/(?:ss|us|is|ous)$/.test(stem)) stem = stem.slice(0, -1);
  // "shipped" → "ship"; a doubled l only after a verb ending ("cancelled" → "cancel", but "bill" stays).
  const doubledL = stem.endsWith('ll') && verbForm && stem.length > 5;
  if (endsWithDoubleConsonant(stem) && (!stem.endsWith('ll') || doubledL)) stem = stem.slice(0, -1);
  if (stem.endsWith('e') && stem.length > 4) stem = stem.slice(0, -1);
  return stem;
};

const canonicalByStem: ReadonlyMap<string, string> = new Map(
  synonymGroups.flatMap((group) => {
    const canonical = stemWord(group[0] ?? '');
    return group.map((word) => [stemWord(word), canonical] as const);
  }),
);

/** Every synonym's stem with the canonical term it stands for (typo correction looks through them). */
export const synonymStems: ReadonlyMap<string, string> = canonicalByStem;

/** Whether a word is all digits (tested by character: every kept word of every question asks). */
const isBareNumber = (word: string): boolean => {
  if (word.length === 0) return false;
  for (let at = 0; at < word.length; at += 1) {
    const code = word.charCodeAt(at);
    if (code < 48 || code > 57) return false;
  }
  return true;
};

/** Whether a word says nothing to look up: a stop-word, a bare number or a word too short. */
export const isDroppedWord = (word: string): boolean =>
  word.length < 2 || stopWords.has(word) || isBareNumber(word);

/** The term a word that is not dropped stands for: its stem, or its synonym group's term. */
export const termOfKeptWord = (word: string): string => {
  const stem = stemWord(word);
  return canonicalByStem.get(stem) ?? stem;
};

/** A text with one phrase rule applied (everywhere it matches). */
const applyRule = (text: string, [pattern, rewrite]: readonly [RegExp, Rewrite]): string =>
  typeof rewrite === 'string'
    ? text.replace(pattern, rewrite)
    : text.replace(pattern, (said: string, at: number, whole: string) => rewrite(said, at, whole));

/** The text lower-cased, with its support phrases folded into one term each. */
const foldPhrases = (text: string): string => {
  let folded = text.toLowerCase().replace(/[’`]/g, "'");
  for (let rule = firstPhraseRule(folded, 0); rule !== -1; rule = firstPhraseRule(folded, rule + 1)) {
    const phraseRule = phraseRules[rule];
    if (phraseRule) folded = applyRule(folded, phraseRule);
  }
  return folded;
};

/**
 * The words of a text once its phrases are folded, stop-words and all (and an empty word at
 * either end when the text starts or ends with a non-word): the words whose terms `textTerms`
 * gives, for a caller that remembers what each word reads as.
 */
export const foldedWords = (text: string): string[] => foldPhrases(text).split(/[^a-z0-9]+/);

/** Folds phrases, splits, drops stop-words and bare numbers, stems and maps synonyms. */
export const textTerms = (text: string): string[] => {
  const terms: string[] = [];
  for (const word of foldedWords(text)) {
    if (!isDroppedWord(word)) terms.push(termOfKeptWord(word));
  }
  return terms;
};

/** The distinct terms of a text, in first-seen order. */
export const distinctTerms = (text: string): string[] => [...new Set(textTerms(text))];
