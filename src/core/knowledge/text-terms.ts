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

/** The sources of all patterns as one alternation, the shared leading `\b` tested once when there is one. */
export const anyOfSource = (sources: readonly string[]): string =>
  sources.every(startsAtWordBoundary)
    ? `\\b(?:${sources.map((source) => `(?:${source.slice(2)})`).join('|')})`
    : sources.map((source) => `(?:${source})`).join('|');

/** The phrase rules' patterns (for the test that the combined scan below agrees with them). */
export const phrasePatterns: readonly RegExp[] = phraseRules.map(([pattern]) => pattern);

/**
 * Whether any phrase rule matches a text. Most questions hold none of the phrases, and a rule can
 * only match where the text as written or an earlier rule's rewrite lets it: with no match in the
 * text as written there is no rewrite, so one scan replaces the rules' scans. Every rule starts at
 * a word boundary, tested once per position before the rules: V8 otherwise tries each rule's `\b`
 * at every position of the text, which cost twice the time.
 */
export const anyPhraseRule = new RegExp(anyOfSource(phrasePatterns.map((pattern) => pattern.source)));

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

/** Whether a word says nothing to look up: a stop-word, a bare number or a word too short. */
export const isDroppedWord = (word: string): boolean =>
  word.length < 2 || stopWords.has(word) || /^\d+$/.test(word);

/** The term a word that is not dropped stands for: its stem, or its synonym group's term. */
export const termOfKeptWord = (word: string): string => {
  const stem = stemWord(word);
  return canonicalByStem.get(stem) ?? stem;
};

/** The text lower-cased, with its support phrases folded into one term each. */
const foldPhrases = (text: string): string => {
  let folded = text.toLowerCase().replace(/[’`]/g, "'");
  if (anyPhraseRule.test(folded)) {
    for (const [pattern, rewrite] of phraseRules)
      folded =
        typeof rewrite === 'string'
          ? folded.replace(pattern, rewrite)
          : folded.replace(pattern, (said: string, at: number, text: string) => rewrite(said, at, text));
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
