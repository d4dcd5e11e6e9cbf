/** `distress` (SPEC §4): hardship or safety — bereavement, medical emergency, fear, money trouble, self-harm. */
import { createPhraseLists, type PhraseHit } from './phrase-matcher.ts';
import type { Token } from './text.ts';

export type DistressKind = 'bereavement' | 'medical' | 'fear' | 'financial_hardship' | 'self_harm';

export interface DistressFinding {
  readonly fired: boolean;
  readonly kind: DistressKind | null;
  readonly evidence: string | null;
}

const lists: readonly (readonly [DistressKind, readonly string[]])[] = [
  [
    'self_harm',
    [
      'kill myself',
      'killing myself',
      'suicide',
      'suicidal',
      'end my life',
      'end it all',
      'hurt myself',
      'harm myself',
      'self harm',
      'dont want to live',
      'want to die',
      'no reason to live',
    ],
  ],
  [
    'bereavement',
    [
      'passed away',
      'has died',
      'had died',
      'just died',
      'recently died',
      'died last',
      'funeral',
      'bereavement',
      'bereaved',
      'deceased',
      'death in the family',
      'lost my husband',
      'lost my wife',
      'lost my mother',
      'lost my father',
      'lost my mum',
      'lost my mom',
      'lost my dad',
      'lost my son',
      'lost my daughter',
      'lost my child',
      'lost my partner',
      'widow',
      'widowed',
      'widower',
    ],
  ],
  [
    'medical',
    [
      'in hospital',
      'in the hospital',
      'hospitalised',
      'hospitalized',
      'emergency room',
      'intensive care',
      'ambulance',
      'heart attack',
      'stroke',
      'cancer',
      'chemo',
      'chemotherapy',
      'surgery',
      'seriously ill',
      'terminally ill',
      'life support',
      'overdose',
      'medication i need',
      'insulin',
    ],
  ],
  [
    'fear',
    [
      'scared',
      'terrified',
      'frightened',
      'afraid for my',
      'unsafe',
      'not safe',
      'in danger',
      'threatened me',
      'threatening me',
      'stalking me',
      'stalker',
      'abusive partner',
      'domestic abuse',
      'domestic violence',
      'being abused',
      'harassing me',
      'panic attack',
    ],
  ],
  [
    'financial_hardship',
    [
      'cant afford',
      'cannot afford',
      'couldnt afford',
      'can not afford',
      'lost my job',
      'laid off',
      'unemployed',
      'evicted',
      'eviction',
      'homeless',
      'bankrupt',
      'bankruptcy',
      'cant pay my rent',
      'cant pay rent',
      'cant feed',
      'no money left',
      'no money for food',
      'financial hardship',
      'struggling financially',
      'struggling to pay',
      'in debt',
      'drowning in debt',
      'my last money',
      'all the money i have',
      'food bank',
    ],
  ],
];

/** Every kind's phrases, read in one pass; a hit's list is its kind's place in `lists`. */
const phrases = createPhraseLists(lists.map(([, kindPhrases]) => ({ phrases: kindPhrases })));

/** Detects hardship or safety concerns; the first kind found (self-harm first) is reported. */
export const detectDistress = (text: string, tokens: readonly Token[]): DistressFinding => {
  let first: PhraseHit | undefined;
  // Hits come by position: the first of the kind listed first wins.
  for (const hit of phrases.matchAll(text, tokens)) if (!first || hit.list < first.list) first = hit;
  const kind = first ? lists[first.list]?.[0] : undefined;
  if (!first || !kind) return { fired: false, kind: null, evidence: null };
  return { fired: true, kind, evidence: first.evidence };
};
