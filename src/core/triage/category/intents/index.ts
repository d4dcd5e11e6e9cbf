/** Baton's default fine intents, grouped by the taxonomy category they belong to. */
import { accountIntents } from './account-intents.ts';
import { billingIntents } from './billing-intents.ts';
import type { FineIntent } from './intent.ts';
import { orderIntents } from './order-intents.ts';
import { productIntents } from './product-intents.ts';
import { refundIntents } from './refund-intents.ts';
import { riskIntents } from './risk-intents.ts';
import { shippingIntents } from './shipping-intents.ts';

export type { FineIntent } from './intent.ts';

export const defaultFineIntents: readonly FineIntent[] = [
  ...orderIntents,
  ...shippingIntents,
  ...accountIntents,
  ...billingIntents,
  ...refundIntents,
  ...riskIntents,
  ...productIntents,
];

/** The default intents whose category the taxonomy has (a company's own taxonomy may lack some). */
export const fineIntentsFor = (categories: readonly string[]): readonly FineIntent[] => {
  const known = new Set(categories);
  return defaultFineIntents.filter((fine) => known.has(fine.category));
};
