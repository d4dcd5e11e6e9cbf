/**
 * Conversations written for the backtest tests (Acme, an online store with subscriptions), with
 * the judgement a support lead would give them. Not taken from any dataset.
 */
import type { EscalationNeed } from '../escalation-need.ts';

export interface WrittenConversation {
  readonly id: string;
  readonly messages: readonly { readonly role: 'customer' | 'ai' | 'agent'; readonly text: string }[];
  readonly need: EscalationNeed | null;
}

const one = (id: string, text: string, need: EscalationNeed | null = null): WrittenConversation => ({
  id,
  messages: [{ role: 'customer', text }],
  need,
});

export const writtenConversations: readonly WrittenConversation[] = [
  one('w1', 'Where is my order? It was supposed to come on Tuesday', 'not_needed'),
  one('w2', 'How long do I have to send a jacket back?', 'not_needed'),
  one('w3', 'How do I reset my password', 'not_needed'),
  one('w4', 'Can I change the delivery address on an order I placed this morning?', 'not_needed'),
  one('w5', 'What does Acme Plus cost per month?', 'not_needed'),
  one('w6', 'Someone used my card to buy things I never ordered', 'needed'),
  one('w7', 'Please close my account and delete everything you hold about me', 'needed'),
  one('w8', 'I was charged twice for the same order, 240 dollars each time', 'needed'),
  one('w9', 'I want to talk to a real person', 'needed'),
  one('w10', 'Do you ship to Canada and how much does it cost?', 'not_needed'),
  one('w11', 'My refund still has not arrived after two weeks', null),
  one('w12', 'The kettle I bought stopped working, is it under warranty?', 'not_needed'),
  one('w13', 'When will I be billed for my subscription?', 'not_needed'),
  one('w14', 'I will take you to court if this is not sorted today', 'needed'),
  one('w15', 'How do I turn on two factor authentication?', 'not_needed'),
  one('w16', 'hello', null),
  one('w17', 'Can I get an invoice for my last order for my company?', 'not_needed'),
  one('w18', 'This is the third time I ask, where is my parcel???', 'needed'),
  one('w19', 'I want to return an item I bought on sale', 'not_needed'),
  one('w20', 'My account is locked after too many login attempts', 'not_needed'),
  one('w21', 'What sizes does the rain jacket come in?', 'not_needed'),
  one('w22', 'I want to dispute a payment of 80 euros on my statement', 'needed'),
  one('w23', 'How do I cancel Acme Plus?', 'not_needed'),
  one('w24', 'My husband passed away and I need to close his account', 'needed'),
  {
    id: 'w25',
    messages: [
      { role: 'customer', text: 'Where is my order?' },
      { role: 'ai', text: 'You can track your order from the Orders page of your account.' },
      { role: 'customer', text: 'I did that already, the tracking has not moved for a week' },
    ],
    need: null,
  },
];
