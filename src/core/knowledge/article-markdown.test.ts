import { describe, expect, it } from 'vitest';
import { describeArticleProblems, parseArticleMarkdown, slugFromFileName } from './article-markdown.ts';

const article = (frontMatter: string, body = '# Title\n\nSome text.') =>
  `---\n${frontMatter}\n---\n${body}\n`;

describe('parseArticleMarkdown', () => {
  it('reads title, category, tags and body, and takes the slug from the file name', () => {
    const parsed = parseArticleMarkdown(
      'Refund Policy.md',
      article(
        'title: Refund policy\ncategory: refund\ntags: [refunds, "30 days"]',
        '# Refund policy\n\nWithin 30 days.',
      ),
    );
    expect(parsed).toEqual({
      kind: 'article',
      article: {
        slug: 'refund-policy',
        title: 'Refund policy',
        category: 'refund',
        tags: ['refunds', '30 days'],
        body: '# Refund policy\n\nWithin 30 days.',
      },
    });
  });

  it('names the file and the field when the title is missing', () => {
    const parsed = parseArticleMarkdown('no-title.md', article('category: billing'));
    expect(parsed.kind).toBe('invalid');
    if (parsed.kind !== 'invalid') return;
    expect(parsed.problems.map((problem) => problem.field)).toEqual(['title']);
    expect(describeArticleProblems(parsed.fileName, parsed.problems)[0]).toMatch(
      /^no-title\.md: title is missing/,
    );
  });

  it('rejects an unknown category and lists the ones that exist', () => {
    const parsed = parseArticleMarkdown('x.md', article('title: X\ncategory: refunds'));
    expect(parsed.kind === 'invalid' && parsed.problems).toEqual([
      {
        field: 'category',
        message: expect.stringContaining('"refunds" is not a known category; use one of: order_status'),
      },
    ]);
  });

  it('reports every problem of a file at once', () => {
    const parsed = parseArticleMarkdown('bad.md', article('category: nope\ntags: {a: 1}', ''));
    expect(parsed.kind === 'invalid' && parsed.problems.map((problem) => problem.field)).toEqual([
      'title',
      'category',
      'tags',
      'body',
    ]);
  });

  it('says the front matter is missing when the file does not start with it', () => {
    const parsed = parseArticleMarkdown('plain.md', '# Just markdown\n\nText.');
    expect(parsed.kind === 'invalid' && parsed.problems[0]?.field).toBe('front matter');
  });

  it('reports YAML that does not parse instead of throwing', () => {
    const parsed = parseArticleMarkdown('colon.md', article('title: Data: copies and deletion'));
    expect(parsed.kind === 'invalid' && parsed.problems[0]?.message).toMatch(/is not valid YAML/);
  });

  it('accepts tags written as one comma-separated line and an article without a category', () => {
    const parsed = parseArticleMarkdown('t.md', article('title: T\ntags: a, b ,a'));
    expect(parsed.kind === 'article' && parsed.article).toMatchObject({ category: null, tags: ['a', 'b'] });
  });

  it('checks the category against the taxonomy it is given', () => {
    const parsed = parseArticleMarkdown('t.md', article('title: T\ncategory: warranty'), ['warranty']);
    expect(parsed.kind === 'article' && parsed.article.category).toBe('warranty');
  });
});

describe('slugFromFileName', () => {
  it('keeps letters and digits and joins the rest with dashes', () => {
    expect(slugFromFileName('kb/Where is MY order?.md')).toBe('where-is-my-order');
  });
});
