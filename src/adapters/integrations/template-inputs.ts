/**
 * What an account lookup's URL may carry (SPEC §11): only what identifies the customer for sure.
 * The customer id is verified (the company's backend signs it with HMAC-SHA256); an email or a
 * name is whatever the visitor typed, so a lookup keyed by it would read another person's account
 * to anyone who types their address. An order number comes from the customer's message, so it is
 * allowed only beside the verified id: the service then returns only that customer's order.
 */

export const VERIFIED_CUSTOMER_ID = 'customer.externalId';
const ORDER_NUMBER = 'order.number';

/** Template inputs a lookup may use; `{secret:NAME}` values come from configured secrets. */
export const allowedTemplateInputs: readonly string[] = [VERIFIED_CUSTOMER_ID, ORDER_NUMBER];

const unverified: Readonly<Record<string, string>> = {
  'customer.email': 'the email the visitor typed into the chat',
  'customer.name': 'the name the visitor typed into the chat',
};

/** The `{name}` placeholders of a template, secrets left out. */
export const templateInputs = (template: string): string[] =>
  [...template.matchAll(/\{([^{}]*)\}/g)]
    .map((match) => match[1] ?? '')
    .filter((name) => !name.startsWith('secret:'));

/** Why the template may not be used, one sentence per placeholder; empty when it is fine. */
export const templateInputProblems = (template: string): string[] => {
  const inputs = templateInputs(template);
  const problems: string[] = [];
  for (const input of new Set(inputs)) {
    const typed = unverified[input];
    if (typed !== undefined) {
      problems.push(
        `{${input}} is ${typed}, and nobody verified it: an anonymous visitor could type someone else's and have their account read back. Use {${VERIFIED_CUSTOMER_ID}}, which your backend signs for identified customers`,
      );
    } else if (input === ORDER_NUMBER && !inputs.includes(VERIFIED_CUSTOMER_ID)) {
      problems.push(
        `{${ORDER_NUMBER}} comes from the customer's message; put {${VERIFIED_CUSTOMER_ID}} in the same URL so the service returns only that customer's orders`,
      );
    } else if (!allowedTemplateInputs.includes(input)) {
      problems.push(
        `{${input}} is not a value Baton fills in; use {${VERIFIED_CUSTOMER_ID}}, {${ORDER_NUMBER}} or {secret:NAME}`,
      );
    }
  }
  return problems;
};
