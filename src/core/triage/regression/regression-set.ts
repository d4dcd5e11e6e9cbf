/**
 * A fixed regression set written for Baton (not taken from any dataset): conversations with the
 * decision a support lead would expect. `reasons` must all be present; `absent` must not be.
 */
import type { ReasonCode } from '../../handoff/index.ts';

export interface RegressionCase {
  readonly name: string;
  readonly messages: readonly { readonly role: 'customer' | 'ai' | 'agent'; readonly text: string }[];
  /** `any`: the action may vary with the knowledge base; only the reasons are checked. */
  readonly action: 'answer' | 'clarify' | 'escalate' | 'any';
  readonly reasons?: readonly ReasonCode[];
  readonly absent?: readonly ReasonCode[];
}

const ask = (
  name: string,
  text: string,
  action: RegressionCase['action'],
  reasons: readonly ReasonCode[] = [],
  absent: readonly ReasonCode[] = [],
): RegressionCase => ({ name, messages: [{ role: 'customer', text }], action, reasons, absent });

export const regressionSet: readonly RegressionCase[] = [
  // Explicit requests for a person, in many phrasings and spellings.
  ask('plain human request', 'Can I speak to a human please', 'escalate', ['human_requested']),
  ask('shouted agent', 'AGENT', 'escalate', ['human_requested']),
  ask('real person', 'i just want a real person to look at this', 'escalate', ['human_requested']),
  ask('typo representative', 'pls connect me to a represntative', 'escalate', ['human_requested']),
  ask('typo human', 'talk to humam', 'escalate', ['human_requested']),
  ask('live chat', 'is there a live agent I could chat with about my parcel?', 'escalate', [
    'human_requested',
  ]),
  ask('put through', 'Could you put me through to someone from the returns team', 'escalate', [
    'human_requested',
  ]),
  ask('why cannot I', "why can't I just talk to a person", 'escalate', ['human_requested']),
  ask('manager', 'I demand to speak with your manager', 'escalate', ['manager_requested']),
  ask('supervisor typo', 'get me a supervsor', 'escalate', ['manager_requested']),
  // Negation and context: these are not requests for a person.
  ask('negated human', "I don't need a human, just tell me the delivery fee", 'any', [], ['human_requested']),
  ask(
    'no need for agent',
    'no need for an agent, what are your delivery options',
    'any',
    [],
    ['human_requested'],
  ),
  ask(
    'someone stole',
    'somebody used my debit card on your site without asking me',
    'escalate',
    ['high_risk_category'],
    ['human_requested'],
  ),
  ask(
    'agent as third party',
    'the delivery agent left my parcel at the wrong house',
    'any',
    [],
    ['human_requested'],
  ),
  // Legal threats, and things that only look like them.
  ask('lawyer threat', 'My lawyer will hear about this', 'escalate', ['legal_threat']),
  ask('sue', 'if this is not fixed today I will sue your company', 'escalate', ['legal_threat']),
  ask('ombudsman', "I'm reporting you to the ombudsman", 'escalate', ['legal_threat']),
  ask('small claims', 'I will take this to small claims court', 'escalate', ['legal_threat']),
  ask(
    'lawyer friend',
    'my lawyer friend said I should ask how long delivery takes',
    'any',
    [],
    ['legal_threat'],
  ),
  ask(
    'not suing',
    "I'm not going to sue anyone, I just want to know when my order ships",
    'any',
    [],
    ['legal_threat'],
  ),
  // Distress always hands over.
  ask('bereavement', 'My dad passed away and I need to cancel his subscription', 'escalate', ['distress']),
  ask('hardship', "I lost my job and can't afford the renewal that just came out", 'escalate', ['distress']),
  ask('medical', "I'm in the hospital and can't collect my parcel from the depot", 'escalate', ['distress']),
  ask('self harm', 'honestly I want to end my life, nothing works', 'escalate', ['distress']),
  // Frustration and negative sentiment.
  ask('third time', 'This is the THIRD time I am asking about my refund!!!', 'escalate', ['frustration']),
  ask('useless bot', 'you are a useless bot', 'escalate', ['frustration']),
  ask('ridiculous', 'this is absolutely ridiculous, I am so fed up', 'escalate', ['frustration']),
  ask('calm thanks', 'thanks, that answered my question', 'any', [], ['frustration', 'negative_sentiment']),
  // High-risk categories.
  ask('close account', 'Please close my account and delete everything', 'escalate', ['high_risk_category']),
  ask('fraud', 'There are payments on my card that I did not make, I think my card was stolen', 'escalate', [
    'high_risk_category',
  ]),
  ask('privacy request', 'I want a copy of all the personal data you hold about me under GDPR', 'escalate', [
    'high_risk_category',
  ]),
  ask('hacked', 'someone hacked into my account and changed the email', 'escalate', []),
  // Amounts.
  ask('dispute over limit', 'I am disputing a charge of $640 that I never agreed to', 'escalate', []),
  // Urgency raises priority and rides along.
  ask('urgent plus human', 'URGENT: I need a human right now', 'escalate', ['human_requested', 'urgent']),
  // Clarify: vague and unclear.
  ask('vague help', 'help', 'clarify'),
  ask('vague question', 'hello I have a question', 'clarify'),
  // Answerable in-domain questions (the demo knowledge base covers them).
  ask('where is my order', 'Where is my order 1042?', 'answer'),
  ask('reset password', 'How do I reset my password?', 'answer'),
  ask('refund window', 'How many days do I have to ask for a refund?', 'answer'),
  ask('shipping international', 'Do you ship to other countries?', 'answer'),
  ask('download invoice', 'where can I download an invoice for my order', 'answer'),
  // Multi-turn conversations.
  {
    name: 'repeated ask on the third try',
    messages: [
      { role: 'customer', text: 'when does my refund arrive' },
      { role: 'ai', text: 'Refunds reach your card 5 to 10 working days after we approve them.' },
      { role: 'customer', text: 'yes but when does my refund arrive' },
      { role: 'ai', text: 'Usually within 10 working days of approval.' },
      { role: 'customer', text: 'WHEN does my refund arrive?' },
    ],
    action: 'escalate',
    reasons: ['repeated_ask'],
  },
  {
    name: 'a second, different question is not a repeat',
    messages: [
      { role: 'customer', text: 'how long does standard delivery take' },
      { role: 'ai', text: 'Standard delivery takes 3 to 5 working days.' },
      { role: 'customer', text: 'and how do I reset my password' },
    ],
    action: 'any',
    absent: ['repeated_ask'],
  },
  {
    name: 'the human request in an earlier burst message still counts',
    messages: [
      { role: 'ai', text: 'Hi! How can I help?' },
      { role: 'customer', text: 'hello' },
      { role: 'customer', text: 'operator please' },
    ],
    action: 'escalate',
    reasons: ['human_requested'],
  },
  {
    name: 'too many AI answers',
    messages: [
      ...Array.from({ length: 6 }, (_, index) => [
        { role: 'customer' as const, text: `question ${index + 1} about my order` },
        { role: 'ai' as const, text: 'Here is what I found.' },
      ]).flat(),
      { role: 'customer', text: 'one more question about delivery' },
    ],
    action: 'escalate',
    reasons: ['max_ai_turns'],
  },
  {
    name: 'a legal threat earlier in the conversation still counts',
    messages: [
      { role: 'customer', text: 'my solicitor says this charge is unlawful' },
      { role: 'ai', text: 'I understand. Here is our billing policy.' },
      { role: 'customer', text: 'ok and when is my next billing date' },
    ],
    action: 'escalate',
    reasons: ['legal_threat'],
  },
];
