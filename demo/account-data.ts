/**
 * What Acme's own systems know about the demo customers: membership, payments and orders.
 * Dates are relative to `now`, so order 1042 is always on its way and Ana's renewal always ahead.
 * Ana upgraded from Basic to Pro in the middle of a billing month: her last two monthly charges
 * differ (£4.99, then £9.99) and a prorated upgrade charge sits between them.
 */

export type PlanKey = 'basic' | 'pro' | 'business';

export const planPrices: Readonly<Record<PlanKey, number>> = { basic: 4.99, pro: 9.99, business: 24.99 };
const planNames: Readonly<Record<PlanKey, string>> = { basic: 'Basic', pro: 'Pro', business: 'Business' };

export interface Subscription {
  readonly customerId: string;
  readonly plan: PlanKey | null;
  readonly planName: string | null;
  readonly price: number | null;
  readonly currency: 'GBP';
  readonly interval: 'month' | null;
  readonly status: 'active' | 'none';
  readonly renewalDate: string | null;
  readonly memberSince: string | null;
}

export interface Payment {
  readonly id: string;
  readonly date: string;
  readonly amount: number;
  readonly currency: 'GBP';
  readonly description: string;
  readonly status: 'paid';
}

export interface OrderItem {
  readonly name: string;
  readonly quantity: number;
  readonly unitPrice: number;
}

export interface Order {
  readonly number: string;
  readonly customerId: string;
  readonly status: 'processing' | 'packed' | 'shipped' | 'delivered';
  readonly placedAt: string;
  readonly deliveryOption: string;
  readonly carrier: string | null;
  readonly trackingNumber: string | null;
  readonly trackingUrl: string | null;
  readonly estimatedDelivery: string | null;
  readonly deliveredAt: string | null;
  readonly shipTo: string;
  readonly items: readonly OrderItem[];
  readonly total: number;
  readonly currency: 'GBP';
}

export interface CustomerAccount {
  readonly subscription: Subscription;
  readonly payments: readonly Payment[];
  readonly orders: readonly Order[];
}

const dayMs = 86_400_000;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const startOfDay = (date: Date) => new Date(Math.floor(date.getTime() / dayMs) * dayMs);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * dayMs);
/** Same day of the month, `months` later (or earlier), clamped to the month's last day. */
const addMonths = (date: Date, months: number) => {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
};
const round2 = (value: number) => Math.round(value * 100) / 100;

const subscription = (customerId: string, plan: PlanKey, renewal: Date, memberSince: Date): Subscription => ({
  customerId,
  plan,
  planName: planNames[plan],
  price: planPrices[plan],
  currency: 'GBP',
  interval: 'month',
  status: 'active',
  renewalDate: isoDate(renewal),
  memberSince: isoDate(memberSince),
});

const monthly = (id: string, date: Date, plan: PlanKey): Payment => ({
  id,
  date: isoDate(date),
  amount: planPrices[plan],
  currency: 'GBP',
  description: `Acme Plus ${planNames[plan]}, monthly`,
  status: 'paid',
});

const order = (fields: Omit<Order, 'currency' | 'total'>): Order => ({
  ...fields,
  total: round2(fields.items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0)),
  currency: 'GBP',
});

const anaAccount = (today: Date): CustomerAccount => {
  const renewal = addDays(today, 12);
  const lastCharge = addMonths(renewal, -1);
  const cycleStart = addMonths(renewal, -2);
  const upgradedOn = addDays(cycleStart, 15);
  const daysInCycle = Math.round((lastCharge.getTime() - cycleStart.getTime()) / dayMs);
  const daysLeft = Math.round((lastCharge.getTime() - upgradedOn.getTime()) / dayMs);
  const proration = round2(((planPrices.pro - planPrices.basic) * daysLeft) / daysInCycle);
  return {
    subscription: subscription('cus_ana', 'pro', renewal, addMonths(renewal, -6)),
    payments: [
      monthly('pay_ana_4', lastCharge, 'pro'),
      {
        id: 'pay_ana_3',
        date: isoDate(upgradedOn),
        amount: proration,
        currency: 'GBP',
        description: `Acme Plus upgrade from Basic to Pro, prorated for ${daysLeft} of ${daysInCycle} days`,
        status: 'paid',
      },
      monthly('pay_ana_2', cycleStart, 'basic'),
      monthly('pay_ana_1', addMonths(renewal, -3), 'basic'),
    ],
    orders: [
      order({
        number: '1042',
        customerId: 'cus_ana',
        status: 'shipped',
        placedAt: isoDate(addDays(today, -2)),
        deliveryOption: 'Express (free with Acme Plus Pro)',
        carrier: 'Royal Mail',
        trackingNumber: 'RM482913075GB',
        trackingUrl: 'https://tracking.example/royal-mail/RM482913075GB',
        estimatedDelivery: isoDate(addDays(today, 1)),
        deliveredAt: null,
        shipTo: 'London, GB',
        items: [
          { name: 'Acme Signature frying pan, 28 cm', quantity: 1, unitPrice: 39 },
          { name: 'Beechwood utensil set', quantity: 1, unitPrice: 12.5 },
        ],
      }),
      order({
        number: '1038',
        customerId: 'cus_ana',
        status: 'delivered',
        placedAt: isoDate(addDays(today, -20)),
        deliveryOption: 'Standard (free with Acme Plus)',
        carrier: 'Evri',
        trackingNumber: 'H01HYA0012345678',
        trackingUrl: 'https://tracking.example/evri/H01HYA0012345678',
        estimatedDelivery: isoDate(addDays(today, -16)),
        deliveredAt: isoDate(addDays(today, -17)),
        shipTo: 'London, GB',
        items: [{ name: 'Linen tea towels, set of 3', quantity: 2, unitPrice: 14 }],
      }),
    ],
  };
};

/** Every demo customer's account on the day of `now` (UTC), keyed by external id. */
export const demoAccounts = (now: Date): ReadonlyMap<string, CustomerAccount> => {
  const today = startOfDay(now);
  const benRenewal = addDays(today, 5);
  const chloeRenewal = addDays(today, 20);
  return new Map<string, CustomerAccount>([
    ['cus_ana', anaAccount(today)],
    [
      'cus_ben',
      {
        subscription: subscription('cus_ben', 'basic', benRenewal, addMonths(benRenewal, -9)),
        payments: [
          monthly('pay_ben_2', addMonths(benRenewal, -1), 'basic'),
          monthly('pay_ben_1', addMonths(benRenewal, -2), 'basic'),
        ],
        orders: [
          order({
            number: '1051',
            customerId: 'cus_ben',
            status: 'processing',
            placedAt: isoDate(today),
            deliveryOption: 'Standard (free with Acme Plus)',
            carrier: null,
            trackingNumber: null,
            trackingUrl: null,
            estimatedDelivery: isoDate(addDays(today, 4)),
            deliveredAt: null,
            shipTo: 'Leeds, GB',
            items: [{ name: 'Stainless steel kettle, 1.7 l', quantity: 1, unitPrice: 34.99 }],
          }),
          order({
            // Late: six days past its estimate, the case "My order is late or missing" covers.
            number: '1029',
            customerId: 'cus_ben',
            status: 'shipped',
            placedAt: isoDate(addDays(today, -14)),
            deliveryOption: 'Standard (free with Acme Plus)',
            carrier: 'DPD',
            trackingNumber: '15501234567890',
            trackingUrl: 'https://tracking.example/dpd/15501234567890',
            estimatedDelivery: isoDate(addDays(today, -6)),
            deliveredAt: null,
            shipTo: 'Leeds, GB',
            items: [{ name: 'Cotton bath towels, pair', quantity: 1, unitPrice: 24 }],
          }),
        ],
      },
    ],
    [
      'cus_chloe',
      {
        subscription: subscription('cus_chloe', 'business', chloeRenewal, addMonths(chloeRenewal, -14)),
        payments: [
          monthly('pay_chloe_2', addMonths(chloeRenewal, -1), 'business'),
          monthly('pay_chloe_1', addMonths(chloeRenewal, -2), 'business'),
        ],
        orders: [
          order({
            number: '1060',
            customerId: 'cus_chloe',
            status: 'packed',
            placedAt: isoDate(addDays(today, -1)),
            deliveryOption: 'Express (free with Acme Plus Business)',
            carrier: null,
            trackingNumber: null,
            trackingUrl: null,
            estimatedDelivery: isoDate(addDays(today, 1)),
            deliveredAt: null,
            shipTo: 'Bristol, GB',
            items: [{ name: 'Espresso cups, set of 6', quantity: 4, unitPrice: 18 }],
          }),
        ],
      },
    ],
    [
      'cus_dev',
      {
        subscription: {
          customerId: 'cus_dev',
          plan: null,
          planName: null,
          price: null,
          currency: 'GBP',
          interval: null,
          status: 'none',
          renewalDate: null,
          memberSince: null,
        },
        payments: [],
        orders: [
          order({
            number: '1033',
            customerId: 'cus_dev',
            status: 'delivered',
            placedAt: isoDate(addDays(today, -12)),
            deliveryOption: 'International, European Union',
            carrier: 'DHL',
            trackingNumber: 'JD014600006281234567',
            trackingUrl: 'https://tracking.example/dhl/JD014600006281234567',
            estimatedDelivery: isoDate(addDays(today, -5)),
            deliveredAt: isoDate(addDays(today, -6)),
            shipTo: 'Dublin, IE',
            items: [{ name: 'Cast iron casserole dish, 24 cm', quantity: 1, unitPrice: 79 }],
          }),
        ],
      },
    ],
  ]);
};
