/**
 * The demo's account lookups (SPEC §3 step 4): what the AI checks in Acme's systems for a
 * category, through the mock account service. A real install lists its own in BATON_INTEGRATIONS_FILE.
 */
import type { IntegrationConfigInput } from '../src/adapters/integrations/integration-config.ts';

const auth = { Authorization: 'Bearer {secret:ACCOUNT_SERVICE_TOKEN}' };

export const demoIntegrations = (accountServiceUrl: string): readonly IntegrationConfigInput[] => {
  const base = accountServiceUrl.replace(/\/+$/, '');
  return [
    {
      name: 'subscription',
      label: 'your subscription',
      categories: ['billing', 'refund', 'account_closure'],
      urlTemplate: `${base}/customers/{customer.externalId}/subscription`,
      headers: auth,
      timeoutMs: 2000,
      fields: [
        { path: 'planName', label: 'Plan' },
        { path: 'price', label: 'Plan price', format: 'money', currency: 'GBP', optional: true },
        { path: 'renewalDate', label: 'Renews on', format: 'date', optional: true },
      ],
    },
    {
      name: 'payment',
      label: 'your payments',
      categories: ['billing', 'refund', 'payment_dispute'],
      urlTemplate: `${base}/customers/{customer.externalId}/payments`,
      headers: auth,
      timeoutMs: 2000,
      fields: [
        {
          path: 'payments[0].amount',
          label: 'Last payment',
          format: 'money',
          currencyPath: 'payments[0].currency',
        },
        { path: 'payments[0].date', label: 'Paid on', format: 'date' },
        { path: 'payments[0].description', label: 'For', optional: true },
        {
          path: 'payments[1].amount',
          label: 'Payment before',
          format: 'money',
          currencyPath: 'payments[1].currency',
          optional: true,
        },
        { path: 'payments[1].date', label: 'Paid before on', format: 'date', optional: true },
      ],
    },
    {
      name: 'order',
      label: 'your order',
      categories: ['order_status', 'shipping', 'refund', 'complaint'],
      // Through the customer, so nobody can read another customer's order by guessing its number.
      urlTemplate: `${base}/customers/{customer.externalId}/orders/{order.number}`,
      headers: auth,
      timeoutMs: 2000,
      fields: [
        { path: 'number', label: 'Order' },
        { path: 'status', label: 'Order status' },
        { path: 'carrier', label: 'Carrier', optional: true },
        { path: 'trackingNumber', label: 'Tracking number', optional: true },
        { path: 'estimatedDelivery', label: 'Expected delivery', format: 'date', optional: true },
      ],
    },
    {
      // "Where is my order?" from a signed-in customer who names no order: their newest one.
      name: 'latest_order',
      label: 'your latest order',
      categories: ['order_status', 'shipping'],
      urlTemplate: `${base}/customers/{customer.externalId}/orders`,
      unlessKnown: ['order.number'],
      headers: auth,
      timeoutMs: 2000,
      fields: [
        { path: 'orders[0].number', label: 'Order' },
        { path: 'orders[0].status', label: 'Order status' },
        { path: 'orders[0].carrier', label: 'Carrier', optional: true },
        { path: 'orders[0].trackingNumber', label: 'Tracking number', optional: true },
        { path: 'orders[0].estimatedDelivery', label: 'Expected delivery', format: 'date', optional: true },
      ],
    },
    {
      // A visitor who is not signed in proves the order is theirs with its number and email,
      // as on the shop's own tracking page; another email finds nothing.
      name: 'guest_order',
      label: 'your order',
      categories: ['order_status', 'shipping'],
      urlTemplate: `${base}/orders/{order.number}?email={stated.email}`,
      unlessKnown: ['customer.externalId'],
      headers: auth,
      timeoutMs: 2000,
      fields: [
        { path: 'number', label: 'Order' },
        { path: 'status', label: 'Order status' },
        { path: 'carrier', label: 'Carrier', optional: true },
        { path: 'trackingNumber', label: 'Tracking number', optional: true },
        { path: 'estimatedDelivery', label: 'Expected delivery', format: 'date', optional: true },
      ],
    },
  ];
};
