import { describe, expect, it } from 'vitest';
import type { AuditArticle } from './index.ts';
import {
  auditKnowledge,
  findContradictions,
  findNearDuplicates,
  findStaleArticles,
  quantityFacts,
} from './index.ts';

const article = (slug: string, title: string, body: string, updatedAt = '2026-11-01'): AuditArticle => ({
  id: `id-${slug}`,
  slug,
  title,
  body,
  updatedAt: new Date(`${updatedAt}T00:00:00Z`),
  reviewedAt: null,
});

// A small help centre written for these tests: two refund windows that disagree, the same window
// in other words, shipping times said twice alike, and plan prices that agree and disagree.
const refundPolicy = article(
  'refund-policy',
  'Refund policy',
  'You can ask for a full refund within 30 days of delivery. Refunds go back to the card you paid with.',
);
const returnsGuide = article(
  'returns-guide',
  'Returning an item',
  'Pack the item in its original box and print the label from your account. You can ask for a refund within 14 days of delivery.',
);
const refundFaq = article(
  'refund-faq',
  'Refund questions',
  'How long do I have? You can ask for a full refund within thirty days of delivery, or within one month if you prefer to count that way.',
);
const shipping = article(
  'shipping-times',
  'Shipping times',
  '| Option | Time | Price |\n| --- | --- | --- |\n| Standard | 3–5 business days | £3.95 |\n| Express | 1–2 business days | £7.95 |',
);
const deliveryFaq = article(
  'delivery-faq',
  'Delivery questions',
  'Standard delivery takes 3 to 5 working days. Express delivery takes 1 to 2 working days.',
);
const plusPlans = article(
  'plus-plans',
  'Acme Plus plans',
  'Acme Plus Basic costs £5 a month and includes free standard delivery.',
);
const plusFaq = article(
  'plus-faq',
  'Acme Plus questions',
  'How much is it? Acme Plus Basic costs 5 pounds a month, billed on the day you joined.',
);
const plusOld = article(
  'plus-old',
  'Acme Plus (2025)',
  'Acme Plus Basic costs £7 a month and includes free standard delivery.',
);

describe('quantity facts', () => {
  it('reads durations, ranges and money the same however they are written', () => {
    const facts = quantityFacts(refundFaq.title, refundFaq.body).map((fact) => [
      fact.dimension,
      fact.low,
      fact.high,
    ]);
    expect(facts).toEqual([
      ['days', 30, 30],
      ['days', 30, 30],
    ]);
    const shippingFacts = quantityFacts(shipping.title, shipping.body).map((fact) => [
      fact.dimension,
      fact.low,
      fact.high,
    ]);
    expect(shippingFacts).toEqual([
      ['business days', 3, 5],
      ['money GBP', 3.95, 3.95],
      ['business days', 1, 2],
      ['money GBP', 7.95, 7.95],
    ]);
    expect(quantityFacts(plusFaq.title, plusFaq.body).map((fact) => fact.dimension)).toEqual(['money GBP']);
  });
});

describe('contradictions', () => {
  const pairs = (articles: readonly AuditArticle[]) =>
    findContradictions(articles).map((found) => found.articles.map((ref) => ref.slug).join(' × '));

  it('finds two refund windows', () => {
    const found = findContradictions([refundPolicy, returnsGuide]);
    expect(found).toHaveLength(1);
    expect(found[0]?.articles.map((ref) => ref.id)).toEqual(['id-refund-policy', 'id-returns-guide']);
    expect(found[0]?.facts).toEqual([
      {
        dimension: 'days',
        left: { quoted: '30 days', sentence: 'You can ask for a full refund within 30 days of delivery.' },
        right: { quoted: '14 days', sentence: 'You can ask for a refund within 14 days of delivery.' },
      },
    ]);
  });

  it('does not flag the same numbers in different words', () => {
    expect(pairs([refundPolicy, refundFaq])).toEqual([]);
    expect(pairs([shipping, deliveryFaq])).toEqual([]);
    expect(pairs([plusPlans, plusFaq])).toEqual([]);
  });

  it('finds two prices for one plan, and only the pairs that disagree', () => {
    expect(
      pairs([refundPolicy, returnsGuide, refundFaq, shipping, deliveryFaq, plusPlans, plusFaq, plusOld]),
    ).toEqual([
      'refund-policy × returns-guide',
      'returns-guide × refund-faq',
      'plus-plans × plus-old',
      'plus-faq × plus-old',
    ]);
  });
});

describe('near-duplicates and overdue reviews', () => {
  it('pairs articles that say nearly the same thing, and nothing else', () => {
    const copy = article(
      'refund-policy-copy',
      'Refund policy',
      `${refundPolicy.body} Gift cards cannot be refunded.`,
    );
    const found = findNearDuplicates([refundPolicy, copy, shipping, plusPlans, returnsGuide]);
    expect(found.map((pair) => pair.articles.map((ref) => ref.slug))).toEqual([
      ['refund-policy', 'refund-policy-copy'],
    ]);
    expect(found[0]?.similarity).toBeGreaterThan(0.8);
  });

  it('lists articles not reviewed (or edited) within the review period, oldest first', () => {
    const reviewed = {
      ...article('old-but-reviewed', 'Old', 'Text.', '2025-01-01'),
      reviewedAt: new Date('2026-10-01T00:00:00Z'),
    };
    const stale = findStaleArticles(
      [
        article('fresh', 'Fresh', 'Text.', '2026-10-01'),
        article('old', 'Old', 'Text.', '2026-03-01'),
        article('older', 'Older', 'Text.', '2025-12-01'),
        reviewed,
      ],
      new Date('2026-12-01T00:00:00Z'),
      180,
    );
    expect(stale.map((finding) => [finding.article.slug, finding.daysSince])).toEqual([
      ['older', 365],
      ['old', 275],
    ]);
  });

  it('puts contradictions first in the audit', () => {
    const audit = auditKnowledge([refundPolicy, returnsGuide], new Date('2026-11-02T00:00:00Z'));
    expect(audit.findings.map((finding) => finding.kind)).toEqual(['contradiction']);
  });
});

describe('the Acme demo help centre', () => {
  it('audits clean: no contradictions and no near-duplicates among its articles', async () => {
    const { readKnowledgeFolder, defaultKnowledgeFolder } = await loadDemo();
    const folder = await readKnowledgeFolder(defaultKnowledgeFolder);
    const articles = folder.articles.map((parsed) => article(parsed.slug, parsed.title, parsed.body));
    expect(articles.length).toBeGreaterThan(20);
    const audit = auditKnowledge(articles, new Date('2026-11-02T00:00:00Z'));
    expect(audit.findings).toEqual([]);
  });
});

const loadDemo = async () => {
  const { readKnowledgeFolder } = await import('../../../adapters/knowledge/markdown-folder.ts');
  const { defaultKnowledgeFolder } = await import('../../../adapters/triage/run-triage-file.ts');
  return { readKnowledgeFolder, defaultKnowledgeFolder };
};
