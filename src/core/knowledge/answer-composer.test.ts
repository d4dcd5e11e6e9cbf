import { describe, expect, it } from 'vitest';
import { answerConfidence, composeAnswer } from './answer-composer.ts';
import { buildKnowledgeIndex, rankDocuments } from './knowledge-index.ts';

const doc = (slug: string, title: string, body: string) => ({ slug, title, tags: [] as string[], body });

const index = buildKnowledgeIndex([
  doc(
    'refund-policy',
    'Refund policy',
    '# Refund policy\n\nYou can get a full refund within 30 days of delivery. Sale items are included.\n\n## Gift cards\n\nGift cards cannot be refunded.',
  ),
  doc(
    'reset-password',
    'Reset your password',
    '# Reset your password\n\nTo choose a new password:\n\n1. Select Forgot password.\n2. Open the link we email you.\n3. Choose a new password.',
  ),
  doc('shipping', 'Shipping costs', '# Shipping costs\n\nStandard shipping costs £3.95 and takes 3–5 days.'),
]);

describe('composeAnswer', () => {
  it('answers with sentences copied from the best article', () => {
    const answer = composeAnswer(index, 'What is your refund policy?');
    expect(answer.kind).toBe('answer');
    if (answer.kind !== 'answer') return;
    expect(answer.document.slug).toBe('refund-policy');
    expect(answer.text).toContain('You can get a full refund within 30 days of delivery.');
    for (const sentence of answer.text.split(/(?<=\.)\s+/)) {
      expect(index.documents.some((document) => document.body.includes(sentence.replace(/^\d\. /, '')))).toBe(
        true,
      );
    }
  });

  it('quotes steps whole, after the sentence that introduces them', () => {
    const answer = composeAnswer(index, 'I forgot my password');
    expect(answer.kind === 'answer' && answer.text).toBe(
      'To choose a new password:\n1. Select Forgot password.\n2. Open the link we email you.\n3. Choose a new password.',
    );
  });

  it('quotes the section that matches, not the opening of the article', () => {
    const answer = composeAnswer(index, 'can gift cards be refunded?');
    expect(answer.kind === 'answer' && answer.text).toBe('Gift cards cannot be refunded.');
  });

  it('says no_answer, with a reason, when the knowledge base does not cover the question', () => {
    for (const question of ["What's the capital of France?", 'How do I open a brokerage account?']) {
      const answer = composeAnswer(index, question);
      expect(answer.kind).toBe('no_answer');
      expect(answer.kind === 'no_answer' && answer.reason).toMatch(/No article covers/);
    }
  });

  it('declines when three articles tie on words they only use in passing, and answers when one is about them', () => {
    const passing = buildKnowledgeIndex([
      doc('fees', 'Fees', '# Fees\n\nReturns are free. We never charge for collection.'),
      doc(
        'gifts',
        'Gifts',
        '# Gifts\n\nA gift message is never printed on the receipt, only on the collection slip.',
      ),
      doc(
        'news',
        'Newsletter',
        '# Newsletter\n\nWe never sell your address and never send a collection reminder.',
      ),
      doc('care', 'Caring for wood', '# Caring for wood\n\nOil the board monthly.'),
    ]);
    const tied = composeAnswer(passing, 'never a collection?');
    expect(tied.kind).toBe('no_answer');
    expect(tied.kind === 'no_answer' && tied.reason).toMatch(/^3 articles match equally well/);
    const about = buildKnowledgeIndex([
      ...passing.documents.slice(0, 3),
      doc(
        'collections',
        'Missed collections',
        '# Missed collections\n\nIf a courier never came for a collection, book it again.',
      ),
    ]);
    const answered = composeAnswer(about, 'never a collection?');
    expect(answered.kind === 'answer' && answered.document.slug).toBe('collections');
  });

  it('says no_answer when the message has nothing to look up', () => {
    expect(composeAnswer(index, 'hello, thanks!')).toMatchObject({ kind: 'no_answer', confidence: 0 });
  });

  it('still ranks every article when it declines to answer, so agents see what was tried', () => {
    expect(composeAnswer(index, 'weather tomorrow').ranking.ranked).toHaveLength(3);
  });
});

describe('answerConfidence', () => {
  it('is lower when two articles match about equally than when one stands out', () => {
    const twins = buildKnowledgeIndex([
      doc('a', 'Returns', 'Send returns within 30 days.'),
      doc('b', 'Returns abroad', 'Send returns within 30 days from abroad.'),
      doc('c', 'Passwords', 'Reset your password.'),
    ]);
    const ambiguous = answerConfidence(rankDocuments(twins, 'send returns'));
    const clear = answerConfidence(rankDocuments(twins, 'reset password'));
    expect(ambiguous).toBeLessThan(clear);
  });

  it('grows with how much of the question the best article covers', () => {
    const full = answerConfidence(rankDocuments(index, 'standard shipping cost'));
    const partial = answerConfidence(rankDocuments(index, 'standard shipping cost to the moon by rocket'));
    expect(partial).toBeLessThan(full);
    expect(full).toBeLessThanOrEqual(1);
  });
});
