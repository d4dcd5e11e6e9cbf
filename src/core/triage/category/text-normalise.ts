/**
 * Turns a customer message into canonical word tokens: lower case, contractions expanded,
 * order numbers / amounts / e-mails / links replaced by placeholder tokens, common chat
 * shorthand and near-synonyms mapped to one spelling, and a light suffix stripper so that
 * "refunded", "refunds" and "refunding" meet. Character n-grams (see feature-hashing.ts)
 * catch the typos this table does not know.
 */

const irregularNegations: Readonly<Record<string, string>> = { can: 'can', won: 'will', ain: 'is' };
const negatedAuxiliaries = 'do does did is are was were has have had could would should must'.split(' ');
const contractedVerbs: Readonly<Record<string, string>> = { ve: 'have', ll: 'will', re: 'are', d: 'would' };
const contractionPattern = new RegExp(
  `\\b(?:(${Object.keys(irregularNegations).join('|')})'?t|(${negatedAuxiliaries.join('|')})n'?t|i'?m|(\\w+)'(${Object.keys(contractedVerbs).join('|')}))\\b`,
  'g',
);

/**
 * Whether `text` may hold a contraction: every match of `contractionPattern` has an apostrophe or is
 * one typed without it, and then it is a negation ending in "nt" ("cant", "dont") or "im". Half the
 * messages have none of the three, and the pattern would try its alternatives at every boundary.
 */
export function mayHoldContraction(text: string): boolean {
  return text.includes("'") || text.includes('nt') || text.includes('im');
}

function expandContraction(
  whole: string,
  irregular: string | undefined,
  auxiliary: string | undefined,
  stem: string | undefined,
  suffix: string | undefined,
): string {
  if (irregular !== undefined) return `${irregularNegations[irregular] ?? irregular} not`;
  if (auxiliary !== undefined) return `${auxiliary} not`;
  if (stem !== undefined && suffix !== undefined) return `${stem} ${contractedVerbs[suffix] ?? suffix}`;
  return whole.startsWith('i') ? 'i am' : whole;
}

const placeholders: ReadonlyArray<readonly [RegExp, string]> = [
  [/https?:\/\/\S+|www\.\S+/g, ' zzurl '],
  [/[\w.+-]+@[\w-]+\.[\w.]+/g, ' zzemail '],
  [/(?:[$€£₹¥]|\b(?:rs\.?|inr|usd|eur|gbp))\s?\d[\d,]*(?:\.\d+)?/g, ' zzamount '],
  [/\b\d[\d,]*(?:\.\d+)?\s?(?:dollars?|bucks|euros?|pounds?|rupees?|usd|eur|gbp|inr)\b/g, ' zzamount '],
  [/#\s?[a-z]*\d[\w-]*/g, ' zzordernum '],
  [/\b[a-z]{0,4}-?\d{5,}[\w-]*\b/g, ' zzordernum '],
  [/\b\d+\b/g, ' zznum '],
];

/** Chat shorthand and near-synonyms mapped onto one canonical word (misspellings are left to edit distance). */
const canonicalWordTable: Readonly<Record<string, string>> = {
  u: 'you',
  ur: 'your',
  yr: 'your',
  r: 'are',
  pls: 'please',
  plz: 'please',
  plzz: 'please',
  thx: 'thanks',
  thnx: 'thanks',
  thanx: 'thanks',
  ty: 'thanks',
  wat: 'what',
  whats: 'what',
  hw: 'how',
  abt: 'about',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  im: 'i',
  acct: 'account',
  acc: 'account',
  accnt: 'account',
  pwd: 'password',
  pw: 'password',
  passwd: 'password',
  passcode: 'password',
  login: 'log',
  signin: 'sign',
  logon: 'log',
  signup: 'sign',
  reimburse: 'refund',
  reimbursement: 'refund',
  reimbursed: 'refund',
  cancellation: 'cancel',
  cancelation: 'cancel',
  addr: 'address',
  deliver: 'delivery',
  delivered: 'delivery',
  delivering: 'delivery',
  shipment: 'package',
  parcel: 'package',
  pkg: 'package',
  packet: 'package',
  courier: 'carrier',
  pymt: 'payment',
  charged: 'charge',
  debited: 'charge',
  deducted: 'charge',
  debit: 'charge',
  subscription: 'subscribe',
  subscriptions: 'subscribe',
  subscribed: 'subscribe',
  sub: 'subscribe',
  info: 'information',
  details: 'detail',
  mins: 'minute',
  hrs: 'hour',
  rep: 'representative',
  ppl: 'people',
  smth: 'something',
  sth: 'something',
  asap: 'urgent',
  gdpr: 'privacy',
  ccpa: 'privacy',
  kyc: 'verification',
  verify: 'verification',
  verified: 'verification',
  verifying: 'verification',
  lawyer: 'legal',
  lawyers: 'legal',
  attorney: 'legal',
  solicitor: 'legal',
  sue: 'legal',
  suing: 'legal',
  lawsuit: 'legal',
  court: 'legal',
  scam: 'fraud',
  scammed: 'fraud',
  scammer: 'fraud',
  fraudulent: 'fraud',
  hacked: 'hack',
  hacker: 'hack',
  unauthorised: 'unauthorized',
  colour: 'color',
  favourite: 'favorite',
  cheque: 'check',
};

// A Map, not the object itself: a customer may well type "constructor" or "__proto__".
const canonicalWords: ReadonlyMap<string, string> = new Map(Object.entries(canonicalWordTable));

const protectedWords = new Set([
  'is',
  'was',
  'has',
  'this',
  'his',
  'us',
  'yes',
  'as',
  'does',
  'less',
  'address',
  'access',
  'process',
  'business',
  'news',
  'status',
  'bus',
  'plus',
  'always',
  'series',
  'gps',
  'bonus',
  'express',
  'across',
  'thanks',
  'during',
  'nothing',
  'something',
  'anything',
  'everything',
  'thing',
  'bring',
  'shipping',
  'billing',
  'pricing',
  'need',
  'speed',
  'feed',
  'red',
  'bed',
  'used',
]);

/** A conservative suffix stripper: enough to merge plurals and verb forms, never clever. */
export function lightStem(word: string): string {
  if (word.length <= 3 || protectedWords.has(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, word.endsWith('eed') ? -1 : -2);
  if (word.endsWith('es') && /(?:ch|sh|ss|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/** The ways of asking to be put through, and who to: the two lists `contactSomeone` is built from. */
const contactVerbs = ['speak', 'talk', 'chat', 'get through', 'put me through', 'connect me', 'transfer me'];
const contactPeople = [
  'someone',
  'somebody',
  'anyone',
  'anybody',
  'person',
  'human',
  'agent',
  'representative',
  'rep',
];

/**
 * Asking to speak to someone, a person or an agent reads as one phrase, "… to agent": the someone
 * a customer wants to talk to is the desk, not the stranger of "someone used my card", and without
 * this a request for a person leant towards fraud, the category whose examples say "someone" most.
 */
const contactSomeone = new RegExp(
  `\\b(${contactVerbs.join('|')})\\s+(?:to|with)\\s+(?:(?:a|an|some|the)\\s+)?(?:(?:real|live|actual)\\s+)?(?:${contactPeople.join('|')})\\b`,
  'g',
);

/**
 * Whether `text` may ask to be put through: every match of `contactSomeone` holds one of its verbs
 * and one of its people word for word. Two substring tests rule out nearly every message, where the
 * pattern itself would try each of its verbs at every word boundary.
 */
export function mayAskForContact(text: string): boolean {
  return contactVerbs.some((verb) => text.includes(verb)) && contactPeople.some((who) => text.includes(who));
}

/** Lower-cased text with placeholders and contractions applied; its words are its runs of letters. */
function expandText(text: string): string {
  let result = text.toLowerCase().replace(/[’‘`´]/g, "'");
  if (/[\d@$€£₹¥#]|www|http/.test(result)) {
    for (const [pattern, replacement] of placeholders) result = result.replace(pattern, replacement);
  }
  if (mayHoldContraction(result)) result = result.replace(contractionPattern, expandContraction);
  if (mayAskForContact(result)) result = result.replace(contactSomeone, '$1 to agent');
  return result;
}

/** Lower-cased text with placeholders and contractions applied, ready for character n-grams. */
export function normaliseText(text: string): string {
  // Every run of anything but letters (spaces included) becomes one space.
  return expandText(text)
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

/**
 * The words of `normaliseText(text)`, exactly as splitting it at its spaces gives them, but in one
 * pass that never builds the normalised text (term counting wants only the words).
 */
export function normalisedWords(text: string): readonly string[] {
  return expandText(text).match(/[a-z]+/g) ?? [];
}

/** The canonical token of one word of already-normalised text. */
export function canonicalWord(raw: string): string {
  const mapped = canonicalWords.get(raw) ?? raw;
  const stemmed = lightStem(mapped);
  return canonicalWords.get(stemmed) ?? stemmed;
}

/** Canonical word tokens of already-normalised text. */
export function canonicalTokens(normalised: string): readonly string[] {
  if (normalised.length === 0) return [];
  return normalised.split(' ').map(canonicalWord);
}
