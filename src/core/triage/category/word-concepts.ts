/**
 * Hand-written groups of words that mean the same thing to a support desk. A message gets a
 * concept feature beside each word's own, so a phrasing the examples never used ("erase my
 * profile", "I mislaid my login code") still lands near the ones they did ("delete my account").
 */
const groups: Readonly<Record<string, string>> = {
  remove: 'delete remove erase close terminate deactivate shut wipe discontinue',
  account: 'account profile membership',
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
};

const conceptByWord: ReadonlyMap<string, string> = new Map(
  Object.entries(groups).flatMap(([concept, words]) =>
    words.split(' ').map((word) => [word, concept] as const),
  ),
);

/** The concept a canonical word belongs to, if any. */
export function conceptOf(word: string): string | undefined {
  return conceptByWord.get(word);
}
