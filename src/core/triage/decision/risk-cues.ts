/**
 * Words that put a message in a high-risk category whatever the category model says: a charge
 * the customer did not make, a lost or stolen card, someone else in the account, a request to
 * freeze a card or close an account. Missing one of these is worse than an extra handoff, so a
 * cue escalates even when the knowledge base has a matching article.
 */

export interface RiskCue {
  /** The policy category the cue belongs to. */
  readonly category: 'fraud' | 'account_closure';
  /** The words that matched. */
  readonly evidence: string;
}

const money = String.raw`(?:charges?|payments?|transactions?|transfers?|withdrawals?|debits?|deposits?|purchases?|activity|direct debits?|card payments?)`;
const card = String.raw`(?:(?:credit |debit |bank )?cards?|visa|mastercard|amex|wallet|phone|account|bank account|savings account|checking account)`;
/** What can be lost or stolen: a card, a wallet or a phone (a "lost account" is a forgotten password). */
const carried = String.raw`(?:(?:credit |debit |bank )?cards?|visa|mastercard|amex|wallet|phone)`;
const me = String.raw`(?:me|myself)`;

const fraudPatterns: readonly RegExp[] = [
  new RegExp(
    String.raw`\b(?:unrecogni[sz]ed|unauthori[sz]ed|unknown|unusual|suspicious|strange|fraudulent|unexpected|odd) ${money}`,
    'i',
  ),
  /\b(?:don'?t|do not|didn'?t|did not|can'?t|cannot|never) (?:recogni[sz]e|authori[sz]e|approve)\b/i,
  new RegExp(
    String.raw`\b(?:didn'?t|did not|never) (?:make|made|do|did) (?:this|that|these|those|the|a|any)? ?${money}`,
    'i',
  ),
  new RegExp(String.raw`\bnot (?:be |been )?(?:made|done|authori[sz]ed|initiated) by ${me}\b`, 'i'),
  new RegExp(
    String.raw`\b${money} (?:that |which )?i (?:didn'?t|did not|never) (?:make|made|do|authori[sz]e|recogni[sz]e)`,
    'i',
  ),
  new RegExp(String.raw`\b${money} (?:that |which )?(?:is|'s|was|its|it's) not mine\b`, 'i'),
  /\bnot recogni[sz]ing\b/i,
  new RegExp(String.raw`\b(?:what is|what's|why is) this ${money}`, 'i'),
  new RegExp(String.raw`\b(?:don'?t|do not) know what (?:this|that|the) ${money}`, 'i'),
  new RegExp(String.raw`\b(?:can'?t|cannot|can not) find my ${carried}\b`, 'i'),
  new RegExp(String.raw`\b(?:don'?t|do not|not sure) (?:know )?where my ${carried} (?:is|are)\b`, 'i'),
  new RegExp(String.raw`\b${carried} (?:was|got|has been) (?:taken|snatched|pickpocketed)\b`, 'i'),
  /\b(?:stop|block|hold|freeze) (?:placed|put) on\b/i,
  /\bstop (?:a |the |all |any )?paym?ents?\b/i,
  /\b(?:someone|somebody|a stranger|another person|person)(?: else)? (?:has |have |had |is |was )?(?:used|using|accessed|accessing|got into|logged into|hacked|charged|took|taken|stole|stolen)\b/i,
  new RegExp(String.raw`\b(?:stolen|lost|missing) (?:my )?${carried}\b`, 'i'),
  new RegExp(
    String.raw`\b${card} (?:was|got|has been|have been|is|were) (?:stolen|lost|hacked|compromised)`,
    'i',
  ),
  new RegExp(String.raw`\b(?:lost|stole) my ${carried}\b`, 'i'),
  /\b(?:hacked|compromised|scam|scammed|scammer|phishing|identity theft|fraud|fraudulent)\b/i,
  new RegExp(String.raw`\b(?:freeze|block|stop|suspend)(?: (?:all|any))? (?:my |the )?${card}\b`, 'i'),
  /\b(?:put|place) an? (?:stop|block|hold|freeze|halt|hault) on\b/i,
  /\bblock (?:my |the |this )?(?:\w+ )?account\b/i,
];

const closurePatterns: readonly RegExp[] = [
  /\b(?:close|closing|terminate|terminating|delete|deleting|deactivate|deactivating|shut down|shutting down) (?:my|the|this|an|our) (?:\w+ )?account\b/i,
  /\baccount (?:closure|deletion|termination|cancell?ations?)\b/i,
  /\b(?:cancel|cancell?ing|remove|removing)(?: \w+){0,2} account\b/i,
  /\b(?:cancell?ation|termination|deletion|closure|removal) of (?:my |the |a |an |this )?(?:\w+ )?account\b/i,
  /\bno longer (?:want to )?be (?:a |your )?customer\b/i,
];

/** One alternation per category: a single scan of the message instead of one per pattern. */
const anyOf = (patterns: readonly RegExp[]): RegExp =>
  new RegExp(patterns.map((pattern) => `(?:${pattern.source})`).join('|'), 'i');
const fraudCue = anyOf(fraudPatterns);
const closureCue = anyOf(closurePatterns);

const firstMatch = (text: string, pattern: RegExp): string | undefined => pattern.exec(text)?.[0];

/** The high-risk cues in a customer message (apostrophes normalised), fraud first. */
export const riskCues = (text: string): readonly RiskCue[] => {
  const plain = text.replace(/[’‘`]/g, "'");
  const cues: RiskCue[] = [];
  const fraud = firstMatch(plain, fraudCue);
  if (fraud !== undefined) cues.push({ category: 'fraud', evidence: fraud });
  const closure = firstMatch(plain, closureCue);
  if (closure !== undefined) cues.push({ category: 'account_closure', evidence: closure });
  return cues;
};
