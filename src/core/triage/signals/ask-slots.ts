/**
 * What an ask is asking for, as two slots: the *action* the customer wants (know where something
 * is, cancel, return, change, fix, get a copy, know the cost…) and the *object* it is about (an
 * order or parcel, money back, the account, the password, the plan, an invoice, the address…).
 * Two asks worded differently ask for the same thing when their slots agree ("where is my parcel"
 * and "when will my order turn up": status of an order); asks about one order that want different
 * things ("where is it" then "can I change the address") disagree on the action. Written from
 * general knowledge of Baton's taxonomy (SPEC §5) and what an online store with subscriptions is
 * asked; read from the canonical words of ask-concepts.ts, so shorthand and plurals are already
 * folded. A word may belong to more than one family ("charge" is a payment and a cost).
 */
import { lightStem } from '../category/text-normalise.ts';

const actionFamilies: Readonly<Record<string, string>> = {
  status:
    'where when track tracking tracker status arrive arrival coming reach yet delay delayed overdue dispatch ' +
    'dispatched sent whereabouts missing stuck processing',
  timing: 'when long soon quickly days weeks eta take',
  cancel: 'cancel stop end quit terminate unsubscribe close delete remove deactivate discontinue opt rid',
  change: 'change update edit modify amend switch move correct alter different rearrange reschedule redirect',
  pause: 'pause hold freeze suspend skip postpone break',
  /** Something is wrong with the goods: the everyday words for a fault, a breakage or wear. */
  fix:
    'broken fix repair faulty fault defect defective damaged damage crack cracked leak leaking drip dripping ' +
    'puddle smash smashed shatter shattered pieces chip chipped dent dented scratch scratched stain stained ' +
    'tear torn rip ripped dead noise noisy buzz buzzing rattle rattling smell burning overheat overheating ' +
    'loose wobbly fade faded shrink shrunk peel peeling rust rusty mould malfunction unusable',
  access: 'reset forgot forgotten recover locked unlock access login twofactor verify verification',
  copy: 'copy download send resend print find see view',
  cost: 'cost price much charge fee expensive cheap cheaper pricing postage',
  pay: 'pay paid payment charge charged billed debit debited twice instalment instalments split',
  declined: 'decline declined refuse refused reject rejected fail fails failed failing bounce bounced',
  add: 'add include attach wrap wrapping',
  contact: 'contact call phone speak talk ring number',
  buy: 'buy purchase stock available restock',
};

/** Objects; returns, exchanges and refunds are things asked *about* ("how long does an exchange take"). */
const objectFamilies: Readonly<Record<string, string>> = {
  order: 'order parcel package delivery shipment shipping item courier confirmation basket',
  money: 'refund money card bank reimbursement reimburse compensation',
  return: 'return label',
  exchange: 'exchange swap replace replacement',
  account: 'account profile username email',
  password: 'password pin passcode login twofactor',
  plan: 'plan membership subscription subscribe plus pro business tier renewal renew trial',
  invoice: 'invoice receipt bill statement vat',
  address: 'address flat house home apartment location office work workplace',
  payment: 'payment card charge instalment instalments klarna paypal apple checkout',
  voucher: 'code voucher coupon discount promo gift offer',
  marketing: 'newsletter marketing mailing promotional',
  warranty: 'warranty guarantee',
  /** The goods a general online store sells: any of them is "the product" of an ask. */
  product:
    'product kettle pan lid blender toaster size colour machine maker lamp mug cup plate bowl glass chair ' +
    'table sofa rug cushion towel bedding duvet pillow sheet curtain jug bottle headphones earbuds speaker ' +
    'charger cable laptop tablet watch shoe trainer boot jacket coat dress shirt jeans bag backpack toy iron ' +
    'vacuum fridge microwave oven fan heater',
};

const indexFamilies = (
  families: Readonly<Record<string, string>>,
): ReadonlyMap<string, readonly string[]> => {
  const byWord = new Map<string, string[]>();
  for (const [family, words] of Object.entries(families)) {
    for (const word of words.split(' ')) {
      for (const form of new Set([word, lightStem(word)])) {
        const list = byWord.get(form) ?? [];
        if (!list.includes(family)) list.push(family);
        byWord.set(form, list);
      }
    }
  }
  return byWord;
};

const actionsByWord = indexFamilies(actionFamilies);
const objectsByWord = indexFamilies(objectFamilies);

/** The action and object families an ask names (either may be empty). */
export interface AskSlots {
  readonly actions: ReadonlySet<string>;
  readonly objects: ReadonlySet<string>;
}

/** Slots of an ask from its canonical words (see ask-concepts.ts `normaliseAsk`). */
export const askSlots = (words: readonly string[]): AskSlots => {
  const actions = new Set<string>();
  const objects = new Set<string>();
  for (const word of words) {
    for (const family of actionsByWord.get(word) ?? []) actions.add(family);
    for (const family of objectsByWord.get(word) ?? []) objects.add(family);
  }
  return { actions, objects };
};

/** +1 when both name a family of this slot and share one, -1 when both name some but share none, 0 otherwise. */
export const slotAgreement = (a: ReadonlySet<string>, b: ReadonlySet<string>): -1 | 0 | 1 => {
  if (a.size === 0 || b.size === 0) return 0;
  for (const family of a) if (b.has(family)) return 1;
  return -1;
};
