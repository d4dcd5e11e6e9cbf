/**
 * What Acme's customers write about in a simulated history: a topic per kind of question, how
 * often it comes up, the customer's opening lines, and how likely the customer is to want a person.
 * Written for the demo company (an online store with subscriptions), not taken from any data set.
 */

export interface SimulatedTopic {
  readonly key: string;
  /** Relative share of conversations. */
  readonly weight: number;
  readonly openings: readonly string[];
  /** Chance the customer asks for a person after the AI's first answer. */
  readonly asksForPerson: number;
  /** Chance of a follow-up question after the AI's first answer. */
  readonly followUp: number;
}

export const acmeTopics: readonly SimulatedTopic[] = [
  {
    key: 'order_status',
    weight: 24,
    openings: [
      'Where is my order? I placed it on Monday.',
      'Has my order shipped yet?',
      'What does the status processing mean on my order?',
      'Can you tell me when my parcel will arrive?',
    ],
    asksForPerson: 0.08,
    followUp: 0.3,
  },
  {
    key: 'shipping',
    weight: 16,
    openings: [
      'How long does standard delivery take?',
      'Do you ship to Canada?',
      'How much is express shipping?',
      'Can I change the delivery address on my order?',
    ],
    asksForPerson: 0.05,
    followUp: 0.25,
  },
  {
    key: 'refund',
    weight: 14,
    openings: [
      'How do I return an item for a refund?',
      'When will I get my refund for the jacket I sent back?',
      'Can I get a refund on my order?',
    ],
    asksForPerson: 0.2,
    followUp: 0.3,
  },
  {
    key: 'billing',
    weight: 14,
    openings: [
      'Where can I download my invoice?',
      'What payment methods do you accept?',
      'How do I update the card on my Acme Plus subscription?',
      'When is my subscription billed each month?',
    ],
    asksForPerson: 0.1,
    followUp: 0.25,
  },
  {
    key: 'payment_dispute',
    weight: 6,
    openings: ['I was charged twice for the same order.', 'There is a charge on my card I do not recognise.'],
    asksForPerson: 0.4,
    followUp: 0.2,
  },
  {
    key: 'account_access',
    weight: 12,
    openings: [
      'I forgot my password, how do I reset it?',
      'My account is locked after too many attempts.',
      'How do I turn on two-factor authentication?',
    ],
    asksForPerson: 0.1,
    followUp: 0.2,
  },
  {
    key: 'account_closure',
    weight: 4,
    openings: ['How do I close my Acme account?', 'Please cancel my Acme Plus membership.'],
    asksForPerson: 0.25,
    followUp: 0.15,
  },
  {
    key: 'compliance_privacy',
    weight: 3,
    openings: ['How do I get a copy of the data you hold about me?', 'Please delete my personal data.'],
    asksForPerson: 0.3,
    followUp: 0.1,
  },
  {
    key: 'other',
    weight: 7,
    openings: [
      'How do I care for a wool sweater?',
      'Do you have a discount code for new customers?',
      'Which size should I order if I am between two sizes?',
    ],
    asksForPerson: 0.1,
    followUp: 0.2,
  },
  {
    // Things Acme's knowledge base does not answer yet: they go to a person, and the knowledge
    // gaps page and the weekly report have something real to show.
    key: 'not_in_knowledge',
    weight: 5,
    openings: [
      'Do you have a loyalty points scheme?',
      'How do loyalty points work?',
      'Do I earn points when I shop with you?',
      'Do you recycle old appliances?',
      'Can you collect my old fridge for recycling?',
    ],
    asksForPerson: 0.1,
    followUp: 0.1,
  },
];

export const followUps: readonly string[] = [
  'Thanks, and how long will that take?',
  'OK. Is there anything else I need to do?',
  'Thanks, that helps.',
  'Great, thank you!',
];

export const personRequests: readonly string[] = [
  'Can I talk to someone from the team please?',
  'I would like to speak to a human about this.',
  'That does not help, please put me through to a person.',
];

export const agentReplies: readonly string[] = [
  'Hi, thanks for waiting. I am looking at your account now.',
  'I have checked this for you and sorted it out.',
  'All done on our side. Is there anything else I can help with?',
];

/** Who comes back: about one conversation in five is from a customer who wrote before. */
export const RETURNING_SHARE = 0.2;
/** A returning customer asks about the same topic again this often (a likely recontact). */
export const SAME_TOPIC_AGAIN = 0.5;
