/**
 * What two asks of the same question share when the customer rewords it: everyday phrasings that
 * name one thing ("sign up" and "register", "send it back" and "return", "two times" and "twice"),
 * and word families the category model's concepts leave apart because they do not change the
 * category (colours, shops, conversation records). Written for Baton's taxonomy and the Acme demo
 * store from general knowledge of how people write to a support desk; used by the repeat detector
 * only, so the category model's features are not changed by it.
 */
import { lightStem, normaliseText } from '../category/text-normalise.ts';
import { conceptOf } from '../category/word-concepts.ts';

/** Multi-word phrasings rewritten onto the one word the concepts know, before tokenising. */
const phrases: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:2|two)[\s-]?(?:fa|factor|step)\b/g, ' twofactor '],
  [/\b(?:security|verification|login|one[\s-]time) codes?\b/g, ' twofactor '],
  [/\b(?:two|2|several|multiple) (?:times|payments|charges|debits)\b/g, ' twice '],
  [
    /\bsign(?:ing|ed)?[\s-]?up\b|\bcreat(?:e|ing) an? (?:new )?account\b|\bopen(?:ing)? an account\b/g,
    ' register ',
  ],
  [
    /\b(?:send|sending|post|posting|take|taking|bring|bringing)(?: (?:it|them|this|that|these|the (\w+)))? back\b/g,
    ' return $1 ',
  ],
  [/\b(?:my |the )?money back\b/g, ' refund '],
  [/\bturn(?:ed|s|ing)? up\b|\bshow(?:ed|s|ing)? up\b|\bget here\b/g, ' arrive '],
  [/\btak(?:e|en|ing|es)(?: my)? (?:money|payment)\b|\btook(?: my)? (?:money|payment)\b/g, ' charge '],
  [/\bwithout pay(?:ing)?\b|\bfor free\b|\bfree (?:days|weeks|month|period)\b/g, ' trial '],
  [
    /\b(?:did not|didnt|never|have not|havent|not) (?:get|got|receive|received|come|arrived?)\b/g,
    ' missing ',
  ],
  [/\bnot (?:in|inside) the (?:box|parcel|package|bag)\b/g, ' missing '],
  [/\bnot the one\b|\bnot what i (?:ordered|picked|chose)\b/g, ' wrong '],
  [/\b(?:stopped|not|doesnt|does not|wont|will not) work(?:ing|s)?\b/g, ' broken '],
  [/\bget (?:hold|in touch)\b/g, ' contact '],
  [/\blog[\s-]?in\b|\bsign[\s-]?in\b/g, ' login '],
];

/** Word families for repeats only; a word's own category concept is used when it has none here. */
const groups: Readonly<Record<string, string>> = {
  twofactor: 'twofactor authentication authenticator verification otp',
  register: 'register registration signup enroll enrol join',
  colour:
    'colour color blue grey gray green red black white pink yellow navy cream beige brown purple orange',
  shop: 'shop store site website retailer competitor elsewhere',
  chat: 'chat conversation transcript messages',
  record: 'record recorded recording copy save saved keep kept store stored',
  deliver:
    'delivery deliver shipping ship package parcel carrier dispatch dispatched post postage transit sent courier driver',
  address: 'address destination location flat apartment house home',
  contact: 'contact call phone ring reach',
  plan: 'plan membership member members subscribe subscription plus tier',
  duration: 'long limit deadline window days weeks',
  price: 'price cost pricing expensive cheap cheaper lower',
};

const askConceptByWord: ReadonlyMap<string, string> = new Map(
  Object.entries(groups).flatMap(([concept, words]) =>
    words.split(' ').flatMap((word) => [[lightStem(word), concept] as const, [word, concept] as const]),
  ),
);

/** Normalised text (see text-normalise.ts) with the phrasings above rewritten onto their one word. */
export const normaliseAsk = (text: string): string => {
  // Normalising drops digits, so "2fa" is read before it.
  let result = normaliseText(text.toLowerCase().replace(/\b2[\s-]?(?:fa|factor|step)\b/g, ' twofactor '));
  for (const [pattern, word] of phrases) result = result.replace(pattern, word);
  return result;
};

/** The concept of a canonical word for the repeat detector: its own family first, then the model's. */
export const askConceptOf = (word: string): string | undefined =>
  askConceptByWord.get(word) ?? conceptOf(word);
