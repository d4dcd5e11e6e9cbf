/**
 * Words that put a message in a high-risk category whatever the category model says: a charge
 * the customer did not make, a lost or stolen card, someone else in the account, a request to
 * freeze a card or close an account, a request about one's personal data. Missing one of these is worse than an extra handoff, so a
 * cue escalates even when the knowledge base has a matching article.
 */

export interface RiskCue {
  /** The policy category the cue belongs to. */
  readonly category: 'fraud' | 'account_closure' | 'compliance_privacy';
  /** The words that matched. */
  readonly evidence: string;
}

const money =
  '(?:charges?|payments?|transactions?|purchases?|orders?|debits?|direct debits?|withdrawals?|transfers?|card payments?|activity|logins?|sign[- ]ins?)';
const card =
  '(?:(?:credit |debit |bank |gift )?cards?|visa|mastercard|amex|paypal|wallet|purse|phone|account)';
/** What can be lost or stolen: a card, a wallet or a phone (a "lost account" is a forgotten password). */
const carried =
  '(?:(?:credit |debit |bank |gift )?cards?|visa|mastercard|amex|wallet|(?:mobile |cell |smart)?phone|mobile|cellphone|smartphone|iphone|handset|purse)';
const me = '(?:me|myself)';
/** "I didn't", "I haven't", "I never": the customer did not do it. */
const notDone = "(?:didn'?t|did not|never|haven'?t|have not|hadn'?t|had not)";
/** What a customer does to money: make a payment, place an order, withdraw cash, set up a debit. */
const doneIt =
  '(?:make|made|place|placed|order|ordered|buy|bought|authori[sz]ed?|approved?|request|requested|withdr(?:aw|ew|awn)|take out|took out|taken out|spend|spent|set up)';

// General fraud reporting: a payment, order or login the customer did not make; someone else in
// the account or on the card; lost or stolen cards; scams and phishing; asking to freeze things.
const fraudPatterns: readonly RegExp[] = [
  new RegExp(
    String.raw`\b(?:unrecogni[sz]ed|unauthori[sz]ed|suspicious|fraudulent|unknown|unfamiliar|strange|weird|odd) ${money}`,
    'i',
  ),
  // "a payment I don't know about", "a withdrawal I know nothing about".
  new RegExp(
    String.raw`\b${money} (?:that |which )?i (?:don'?t|do not|didn'?t|did not) know (?:anything )?about\b|\b${money} i know nothing about\b`,
    'i',
  ),
  // Used or taken without the customer's say: the plainest way to report misuse.
  /\bwithout my (?:permission|consent|knowledge|authori[sz]ation|approval)\b/i,
  /\b(?:it )?(?:wasn'?t|was not) me (?:who|that) (?:made|paid|bought|ordered|spent|took|withdrew)\b/i,
  /\b(?:don'?t|do not|didn'?t|did not|never) (?:recogni[sz]e|authori[sz]e)\b/i,
  new RegExp(
    String.raw`\b(?:didn'?t|did not|never) (?:make|made|place|placed|order|ordered|buy|bought) (?:this|that|these|those|the|a|any)? ?${money}`,
    'i',
  ),
  // "I haven't made a payment yet" is not paying; "I haven't made this payment" is not the customer's.
  new RegExp(String.raw`\b${notDone} ${doneIt} (?:this|that|these|those) ${money}`, 'i'),
  new RegExp(String.raw`\b(?:that|which) i ${notDone} ${doneIt}\b`, 'i'),
  new RegExp(String.raw`\bnot (?:been )?(?:made|placed|authori[sz]ed|requested|approved) by ${me}\b`, 'i'),
  // "A transaction I didn't do": after a payment word, doing it is making it.
  new RegExp(String.raw`\b${money} (?:that |which )?i ${notDone} (?:${doneIt}|do|did|done)\b`, 'i'),
  // "I don't remember making this payment": a payment the customer cannot account for.
  /\b(?:don'?t|do not|can'?t|cannot|can not) (?:remember|recall) (?:ever )?(?:making|doing|placing|ordering|buying|paying|spending|withdrawing|taking out|authori[sz]ing|approving|requesting|setting up)\b/i,
  new RegExp(
    String.raw`\b(?:no idea|not sure) (?:what|where|who|why) (?:this|that|these|those|the) ${money}`,
    'i',
  ),
  /\b(?:someone|somebody|a stranger|another person)(?: else)? (?:has |have |had |is |was )?(?:used|using|accessed|got into|logged into|hacked|ordered on|stole|stolen)\b/i,
  new RegExp(String.raw`\b(?:stolen|lost|missing) (?:my )?${carried}\b`, 'i'),
  new RegExp(String.raw`\b(?:lost|stole|misplaced) my ${carried}\b`, 'i'),
  new RegExp(
    String.raw`\bmy ${carried} (?:is|was|has been|have been|got|went|has gone) (?:lost|missing|gone missing|stolen|taken|nicked|pickpocketed)\b`,
    'i',
  ),
  new RegExp(String.raw`\b(?:can'?t|cannot|can not) find my ${carried}\b`, 'i'),
  new RegExp(
    String.raw`\b${card} (?:was|got|has been|have been|is|were) (?:stolen|hacked|compromised|cloned)`,
    'i',
  ),
  /\b(?:hacked|compromised|scam|scammed|scammer|phishing|identity theft|fraud|fraudulent)\b/i,
  // "Freeze my card", "freeze my savings account", "lock down my account".
  new RegExp(
    String.raw`\b(?:freeze|block|lock|lock down|suspend) (?:(?:my|the|our|this) (?:\w+ )?)?${card}s?\b`,
    'i',
  ),
  // "Put a freeze on my card", "I need my account frozen".
  /\b(?:put|place) (?:a )?(?:freeze|block|stop) on (?:my|the|our|this) (?:\w+ )?(?:account|card)s?\b/i,
  /\b(?:want|need|like|get|have) (?:my|the|our|this) (?:\w+ )?(?:account|card)s? (?:to be )?(?:frozen|blocked)\b/i,
  // The refusal after the thing: "a payment that isn't mine", "transaction not recognised".
  new RegExp(
    String.raw`\b${money} (?:on my \w+ )?(?:that |which )?(?:is |was |are |were )?(?:not|isn'?t|wasn'?t|aren'?t|weren'?t) (?:recogni[sz]ed|authori[sz]ed|mine|me|by me|from me)\b`,
    'i',
  ),
  // Someone else holding what only the customer should: access, card details, a PIN or password.
  /\b(?:someone|somebody|a stranger|another person)(?: else)? (?:has|had|got|gained|with) (?:access|into|my (?:card|bank|account|login|pin|password))\b/i,
  /\b(?:card|bank|account|login|payment) details (?:have been |were |was |got |are )?(?:stolen|leaked|taken|exposed|used|hacked)\b/i,
  /\b(?:cloned|skimmed|copied) (?:my )?(?:credit |debit |bank )?card\b|\bcard (?:was |has been |got )?(?:cloned|skimmed)\b/i,
  // Money gone from the account that the customer did not move.
  /\bmoney (?:has |have )?(?:gone|disappeared|vanished|missing|taken|been taken|been removed) (?:from|out of) my\b/i,
  // A charge from a shop the customer has never dealt with.
  /\b(?:shop|store|merchant|company|seller|website|business) (?:that |which )?i(?:'ve| have)? never (?:heard of|shopped (?:at|with)|bought from|used)\b/i,
  /\bnever (?:heard of|shopped (?:at|with)|bought from) (?:this|that|the) (?:shop|store|merchant|company|seller|website|business)\b/i,
];

/** Up to two words naming which account ("my old Acme account"), never "from" or "on" ("my card from my account"). */
const accountKind = String.raw`(?:(?!(?:from|on|in|to|of|for|with|and|or)\b)\S+ ){0,2}`;

const closurePatterns: readonly RegExp[] = [
  // The account under its other everyday name: "delete my Acme profile".
  /\b(?:close|closing|delete|deleting|deactivate|deactivating|remove|removing|erase|erasing|get rid of) (?:my|the|this|our) (?:\w+ )?(?:customer |user )?profile\b/i,
  /\b(?:want|like|need) (?:my|the|our) (?:\w+ )?profile (?:to be )?(?:closed|deleted|removed|deactivated|erased)\b/i,
  new RegExp(
    String.raw`\b(?:close|closing|terminate|terminating|delete|deleting|deactivate|deactivating|shut down|shutting down|remove|removing|cancel|cancell?ing) (?:my|the|this|an|our) ${accountKind}account\b`,
    'i',
  ),
  /\baccount (?:closure|deletion|termination)\b/i,
  /\b(?:cancell?ation|termination|deletion|closure|removal) of (?:my |the |a |an |this )?(?:\w+ )?account\b/i,
  /\bno longer (?:want to )?be (?:a |your )?customer\b/i,
  /\b(?:get rid of|erase|wipe|end|scrap|unregister|deregister) (?:my|the|this|our) (?:\w+ )?account\b/i,
  /\b(?:don'?t|do not|no longer) (?:want|need) (?:my|an|this|the|our) (?:\w+ )?account (?:any ?more|with you|at all)\b/i,
  /\b(?:want|like|need) (?:my|the|our) (?:\w+ )?account (?:to be )?(?:closed|deleted|removed|terminated|deactivated|erased)\b/i,
];

// Requests about the customer's personal data, which the law gives deadlines: a copy, erasure,
// correction or an objection, and reports of data exposed. Questions about the privacy policy are not.
const personalData =
  '(?:personal (?:data|information|details)|my data|my information|data you (?:hold|have|keep|store))';
const privacyPatterns: readonly RegExp[] = [
  /\b(?:subject access request|data subject|right to be forgotten|right of access|right to erasure|data protection officer|dpo|data breach|data leak)\b/i,
  /\b(?:gdpr|ccpa|data protection act)\b/i,
  new RegExp(
    String.raw`\b(?:delete|erase|remove|wipe|export|download|send me|give me|a copy of|correct|stop (?:using|processing|selling|sharing)) (?:all )?(?:of )?(?:my |the )?${personalData}`,
    'i',
  ),
  new RegExp(String.raw`\b(?:what|which) ${personalData} (?:do you|you) (?:hold|have|keep|store)\b`, 'i'),
];

/**
 * One alternation per category: a single scan of the message instead of one per pattern. Every
 * pattern starts at a word boundary, so the boundary is tested once before the patterns are tried
 * (the same matches): V8 would otherwise try every pattern at every position of the message.
 */
const anyOf = (patterns: readonly RegExp[]): RegExp => {
  const bodies = patterns.map((pattern) => {
    if (!pattern.source.startsWith('\\b'))
      throw new Error(`A risk cue must start at a word boundary: ${pattern.source}`);
    return `(?:${pattern.source.slice(2)})`;
  });
  return new RegExp(`\\b(?:${bodies.join('|')})`, 'i');
};
const fraudCue = anyOf(fraudPatterns);
const closureCue = anyOf(closurePatterns);
const privacyCue = anyOf(privacyPatterns);

const firstMatch = (text: string, pattern: RegExp): string | undefined => pattern.exec(text)?.[0];

/** The last message read: a turn decides twice (before and after the answer) on the same text. */
let last: { readonly text: string; readonly cues: readonly RiskCue[] } | undefined;

/** The high-risk cues in a customer message (apostrophes normalised): fraud, closure, privacy. */
export const riskCues = (text: string): readonly RiskCue[] => {
  if (last?.text === text) return last.cues;
  const cues = findRiskCues(text);
  last = { text, cues };
  return cues;
};

const findRiskCues = (text: string): readonly RiskCue[] => {
  const plain = text.replace(/[’‘`]/g, "'");
  const cues: RiskCue[] = [];
  const fraud = firstMatch(plain, fraudCue);
  if (fraud !== undefined) cues.push({ category: 'fraud', evidence: fraud });
  const closure = firstMatch(plain, closureCue);
  if (closure !== undefined) cues.push({ category: 'account_closure', evidence: closure });
  const privacy = firstMatch(plain, privacyCue);
  if (privacy !== undefined) cues.push({ category: 'compliance_privacy', evidence: privacy });
  return cues;
};
