/**
 * Hand-written groups of words that mean the same thing to a support desk. A message gets a
 * concept feature beside each word's own, so a phrasing the examples never used ("erase my
 * profile", "I mislaid my login code") still lands near the ones they did ("delete my account").
 */
import { lightStem } from './text-normalise.ts';

const groups: Readonly<Record<string, string>> = {
  remove: 'delete remove erase close terminate deactivate shut wipe discontinue',
  account: 'account profile',
  plan: 'plan membership subscribe plus tier',
  secret: 'password pin passcode key credential credentials',
  recover: 'recover retrieve reset restore regain forgot forgotten',
  refund: 'refund compensation reimbursement repayment',
  deliver: 'delivery shipping ship package carrier dispatch post postage transit',
  options: 'option method way choice type kind alternative',
  invoice: 'invoice bill receipt statement',
  complain: 'complaint complain grievance dissatisfaction dissatisfied unhappy',
  change: 'change modify edit update alter amend correct adjust',
  item: 'item product article good merchandise',
  problem: 'problem issue error trouble bug glitch failure',
  register: 'register registration enroll enrol',
  human: 'agent human person representative operator somebody someone staff executive',
  review: 'review feedback opinion rating comment',
  fee: 'fee penalty surcharge',
  price: 'price cost pricing expensive cheap',
  fraud: 'fraud hack stolen steal unauthorized phishing',
  address: 'address destination location',
  track: 'track status progress',
  newsletter: 'newsletter mailing promotional',
  buy: 'buy purchase acquire',
  exchange: 'exchange swap replace replacement',
  decline: 'decline declined refuse refused reject rejected bounce bounced denied fail failed failing',
  lock: 'lock locked unlock blocked suspended disabled',
  arrive: 'arrive arrival come coming turn reach receive',
  hours: 'hour hours open opening closing times',
  data: 'data information detail details record records personal',
  money: 'money cash fund funds amount',
  payment: 'pay paid payment charge debit billed billing',
  code: 'code voucher coupon promo discount',
  size: 'size bigger larger smaller dimension dimensions measurement measurements',
  colour: 'color colour shade',
  cancel: 'cancel stop end quit',
  contact: 'contact call phone ring',
  broken: 'broken broke break damage damaged dent dented crack cracked chip chipped faulty defective',
  missing: 'missing miss lost absent',
  late: 'late delay delayed overdue slow',
  trial: 'trial try',
  twice: 'twice double duplicate',
  wrong: 'wrong incorrect mistake',
};

// Canonical tokens are stemmed, so each word is entered both as written and as the stemmer leaves it.
const conceptByWord: ReadonlyMap<string, string> = new Map(
  Object.entries(groups).flatMap(([concept, words]) =>
    words.split(' ').flatMap((word) => [[lightStem(word), concept] as const, [word, concept] as const]),
  ),
);

/** The concept a canonical word belongs to, if any. */
export function conceptOf(word: string): string | undefined {
  return conceptByWord.get(word);
}
