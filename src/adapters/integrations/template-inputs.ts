/**
 * What an account lookup's URL may carry (SPEC §11): only what identifies the customer for sure.
 * The customer id is verified (the company's backend signs it with HMAC-SHA256); an email or a
 * name is whatever the visitor typed, so a lookup keyed by it would read another person's account
 * to anyone who types their address. An order number comes from the customer's message, so it is
 * allowed only beside the verified id (the service then returns only that customer's order) or
 * beside the email the customer stated in the conversation: the pair is what a shop's own order
 * tracking page asks for, and a wrong email finds nothing. A stated email alone is refused.
 */

export const VERIFIED_CUSTOMER_ID = 'customer.externalId';
const ORDER_NUMBER = 'order.number';
const STATED_EMAIL = 'stated.email';

/** Template inputs a lookup may use; `{secret:NAME}` values come from configured secrets. */
export const allowedTemplateInputs: readonly string[] = [VERIFIED_CUSTOMER_ID, ORDER_NUMBER, STATED_EMAIL];

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
    } else if (
      input === ORDER_NUMBER &&
      !inputs.includes(VERIFIED_CUSTOMER_ID) &&
      !inputs.includes(STATED_EMAIL)
    ) {
      problems.push(
        `{${ORDER_NUMBER}} comes from the customer's message; put {${VERIFIED_CUSTOMER_ID}} (or {${STATED_EMAIL}}, the order's email as the customer gave it) in the same URL so the service returns only that customer's orders`,
      );
    } else if (input === STATED_EMAIL && !inputs.includes(ORDER_NUMBER)) {
      problems.push(
        `{${STATED_EMAIL}} is an address the customer typed; it proves nothing alone. Use it only beside {${ORDER_NUMBER}}, so the service returns an order only to someone who knows both`,
      );
    } else if (!allowedTemplateInputs.includes(input)) {
      problems.push(
        `{${input}} is not a value Baton fills in; use {${VERIFIED_CUSTOMER_ID}}, {${ORDER_NUMBER}}, {${STATED_EMAIL}} or {secret:NAME}`,
      );
    }
  }
  return problems;
};
