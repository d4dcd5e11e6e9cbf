import { describe, expect, it } from 'vitest';
import { buildKnowledgeIndex, questionTerms, rankDocuments } from './knowledge-index.ts';

const doc = (slug: string, title: string, body: string, tags: string[] = []) => ({ slug, title, tags, body });

const documents = [
  doc('tracking', 'Track your order', 'Open your account to follow the parcel with the carrier.', [
    'tracking',
  ]),
  doc('refunds', 'Refund policy', 'We refund any item returned within 30 days of delivery.', ['refund']),
  doc('passwords', 'Reset your password', 'Select forgot password and follow the link we email you.'),
  doc('cookware', 'Cookware care', 'Wash non-stick pans by hand and use wooden utensils.'),
];
const index = buildKnowledgeIndex(documents);

describe('rankDocuments', () => {
  it('puts the article that covers the question first, whatever the wording', () => {
    expect(rankDocuments(index, 'where is my package?').ranked[0]?.document.slug).toBe('tracking');
    expect(rankDocuments(index, 'can I get my money back').ranked[0]?.document.slug).toBe('refunds');
    expect(rankDocuments(index, 'I forgot the password').ranked[0]?.document.slug).toBe('passwords');
  });

  it('scores every article in [0, 1] and best first', () => {
    const { ranked } = rankDocuments(index, 'refund for a pan I returned');
    expect(ranked).toHaveLength(documents.length);
    for (const { score } of ranked) expect(score).toBeGreaterThanOrEqual(0);
    for (const { score } of ranked) expect(score).toBeLessThanOrEqual(1);
    expect(ranked.map((r) => r.score)).toEqual([...ranked.map((r) => r.score)].sort((a, b) => b - a));
  });

  it('gives a full score when every question word is in the passage and the title', () => {
    expect(rankDocuments(index, 'refund policy').ranked[0]?.score).toBeCloseTo(1, 5);
  });

  it('lowers the score for words the knowledge base never uses', () => {
    const plain = rankDocuments(index, 'reset password').ranked[0]?.score ?? 0;
    const withUnknown = rankDocuments(index, 'reset password for my brokerage').ranked[0]?.score ?? 1;
    expect(withUnknown).toBeLessThan(plain);
    expect(rankDocuments(index, 'capital of France').knownShare).toBe(0);
  });

  it('lets the thing bought weigh less than a word about something else: it names the item, not the question', () => {
    const score = (question: string) => rankDocuments(index, question).ranked[0]?.score ?? 0;
    const plain = score('refund for an item I returned');
    const naming = score('refund for the cardigan I returned');
    const other = score('refund for the brokerage I returned');
    expect(rankDocuments(index, 'refund for the cardigan I returned').ranked[0]?.document.slug).toBe(
      'refunds',
    );
    expect(naming).toBeLessThan(plain);
    expect(naming).toBeGreaterThan(other + 0.1);
  });

  it('ranks only the documents it is allowed to', () => {
    const { ranked } = rankDocuments(
      index,
      'where is my package',
      (document) => document.slug !== 'tracking',
    );
    expect(ranked.map((r) => r.document.slug)).not.toContain('tracking');
    expect(ranked).toHaveLength(3);
  });

  it('lists the articles as a sort by score, then by their place, would: articles sharing nothing last', () => {
    const shelf = buildKnowledgeIndex([
      doc('wrap', 'Gift wrap', 'We wrap any order as a gift.'),
      doc('status', 'Order status', 'Each order shows its status in your account.'),
      doc('pans', 'Cookware care', 'Wash pans by hand.'),
      doc('cancel', 'Cancel an order', 'Cancel an order from your account before it ships.'),
      doc('gift', 'Gift cards', 'A gift card never expires.', ['gift wrap']),
    ]);
    for (const question of ['gift wrap for my order', 'order status in my account', 'pans', 'zebra']) {
      const { ranked } = rankDocuments(shelf, question);
      const sorted = [...ranked].sort((a, b) => b.score - a.score || a.documentIndex - b.documentIndex);
      expect(ranked.map((r) => r.documentIndex)).toEqual(sorted.map((r) => r.documentIndex));
      expect(ranked).toHaveLength(5);
    }
  });

  it('weighs a rare word more than a common one', () => {
    const common = buildKnowledgeIndex([
      doc('a', 'Orders', 'order order status'),
      doc('b', 'Orders two', 'order gift wrap'),
      doc('c', 'Orders three', 'order delivery'),
    ]);
    expect(rankDocuments(common, 'order gift wrap').ranked[0]?.document.slug).toBe('b');
  });
});

describe('remembered readings', () => {
  it('reads a question the same however often it and its words were read before', () => {
    const fresh = buildKnowledgeIndex(documents);
    const question = 'My pasword for Munich and my parcel, pasword again, the chair';
    const first = questionTerms(fresh, question);
    expect(questionTerms(fresh, question)).toEqual(first);
    expect(questionTerms(fresh, 'munich pasword chair')).toEqual([
      { term: 'munich', weight: fresh.unknownTermWeight, known: false },
      first.find((term) => term.term === 'password'),
      first.find((term) => term.term === 'chair'),
    ]);
    expect(first.find((term) => term.term === 'munich')?.weight).toBeLessThan(fresh.unknownTermWeight);
  });

  it('reads a word the same the first time, when remembered, and when it starts with a digit', () => {
    const fresh = buildKnowledgeIndex(documents);
    const question = 'Reset the 2fa code, 2fa again, and my passwords 3times';
    const first = questionTerms(fresh, question);
    expect(questionTerms(fresh, question)).toEqual(first);
    expect(first.map((term) => term.term)).toEqual(['reset', '2fa', 'code', 'password', '3tim']);
  });

  it('ranks an article that shares nothing with the question at 0, quoting its first passage', () => {
    const { ranked } = rankDocuments(index, 'where is my parcel');
    const unrelated = ranked.find((r) => r.document.slug === 'cookware');
    expect(unrelated).toEqual({
      document: documents[3],
      documentIndex: 3,
      score: 0,
      passageIndex: index.passagesByDocument[3]?.[0],
      aboutQuestion: false,
    });
  });
});

describe('typo tolerance', () => {
  it('reads a word one letter off as the knowledge-base word it resembles', () => {
    const { terms } = rankDocuments(index, 'where is my pacakge, I want a refnud');
    expect(terms.map((term) => [term.term, term.known])).toEqual([
      ['track', true],
      ['order', true],
      ['refund', true],
    ]);
  });

  it('never reads a word for a thing as a typo of a knowledge-base word: a chair is not a charge', () => {
    const billing = buildKnowledgeIndex([
      doc('fees', 'Fees and charges', 'What each charge on your bill is for.'),
    ]);
    const read = (question: string) => rankDocuments(billing, question).terms.map((t) => [t.term, t.known]);
    expect(read('chrage')).toEqual([['charg', true]]);
    expect(read('chair')).toEqual([['chair', false]]);
  });

  it('leaves short words and words far from every KB word unknown', () => {
    const { terms } = rankDocuments(index, 'zebra pans');
    expect(terms.find((term) => term.term === 'zebra')?.known).toBe(false);
  });

  it('breaks a tie at the top with a tag the question says word for word, and only a tie', () => {
    const orders = buildKnowledgeIndex([
      doc('cancel', 'Cancel an order', 'Cancel an order from your account before it ships.'),
      doc('status', 'Order status', 'Each order shows its status in your account.'),
      doc('place', 'Place an order', 'Add items to the basket and check out.', ['order something', 'buy']),
    ]);
    const slugs = (question: string) => rankDocuments(orders, question).ranked.map((r) => r.document.slug);
    // One word, "order", in every title and passage: a three-way tie, broken by the said tag.
    expect(slugs('how do I order something?')).toEqual(['place', 'cancel', 'status']);
    // Without the tag's words the tie stands in the articles' own order.
    expect(slugs('what about my order?')).toEqual(['cancel', 'status', 'place']);
    // The tag's words apart are not the tag.
    expect(slugs('something about my order')).toEqual(['cancel', 'status', 'place']);
  });
});
