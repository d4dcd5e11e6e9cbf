/**
 * The embedded AI provider (SPEC §3): no network, no key. A knowledge search proposes candidate
 * articles; the core scorer ranks them against the question with statistics over the whole
 * knowledge base and quotes the best passage. Because the statistics always cover the whole KB,
 * a confidence means the same whether candidates come from memory or from PostgreSQL search.
 */
import { composeAnswer } from '../../core/knowledge/answer-composer.ts';
import { articlesWorthRecording } from '../../core/knowledge/articles-tried.ts';
import { buildKnowledgeIndex, type KnowledgeIndex } from '../../core/knowledge/knowledge-index.ts';
import { plainMarkdown } from '../../core/knowledge/passages.ts';
import type { Article, Citation } from '../../core/model.ts';
import type {
  Answerer,
  AnswerRequest,
  AnswerUsage,
  DraftAnswer,
  TriedArticle,
} from '../../core/ports/answerer.ts';
import type { Store } from '../../core/ports/store.ts';
import { composeAccountAnswer } from '../../core/triage/lookup-facts.ts';

export interface KnowledgeSearch {
  /** Articles that may answer the question (a superset is fine: the scorer ranks them). */
  candidates(question: string): Promise<readonly Article[]>;
  /** Every article of the knowledge base; relevance statistics are computed over all of them. */
  corpus(): Promise<readonly Article[]>;
}

/**
 * Keeps the index of the last corpus seen and rebuilds it only when an article was added,
 * removed or changed (by id and `updatedAt`), so a question costs a lookup, not a rebuild. The same
 * corpus array (a cached copy) is recognised without even computing its signature.
 */
export const createIndexCache = () => {
  let cached: { corpus: readonly Article[]; signature: string; index: KnowledgeIndex<Article> } | undefined;
  return (articles: readonly Article[]): KnowledgeIndex<Article> => {
    if (cached?.corpus === articles) return cached.index;
    const signature = articles.map((article) => `${article.id}@${article.updatedAt.getTime()}`).join('|');
    const index = cached?.signature === signature ? cached.index : buildKnowledgeIndex(articles);
    cached = { corpus: articles, signature, index };
    return index;
  };
};

/** Searches a fixed set of articles held in memory (`baton triage --kb DIR`, tests). */
export const createMemoryKnowledgeSearch = (articles: readonly Article[]): KnowledgeSearch => {
  const all = [...articles];
  return {
    candidates: async () => all,
    corpus: async () => all,
  };
};

/** How long the store search reuses its copy of the knowledge base before checking for edits. */
const corpusRefreshMs = 30_000;
const candidateLimit = 10;

/**
 * Searches a workspace's articles with the store's full-text search; the corpus is re-read at
 * most every `refreshMs` so edits in the UI reach the AI within that time.
 */
export const createStoreKnowledgeSearch = (
  store: Store,
  workspaceId: string,
  options: { readonly refreshMs?: number; readonly now?: () => number } = {},
): KnowledgeSearch => {
  const refreshMs = options.refreshMs ?? corpusRefreshMs;
  const now = options.now ?? Date.now;
  let corpus: { at: number; articles: Promise<readonly Article[]> } | undefined;
  return {
    async candidates(question) {
      const hits = await store.articles.search(workspaceId, question, candidateLimit);
      return hits.map((hit) => hit.article);
    },
    corpus() {
      if (!corpus || now() - corpus.at >= refreshMs) {
        const articles = store.articles.list(workspaceId);
        corpus = { at: now(), articles };
        // A failed read must not be cached: the next question tries again.
        articles.catch(() => {
          corpus = undefined;
        });
      }
      return corpus.articles;
    },
  };
};

const citationOf = (article: Article): Citation => ({
  articleId: article.id,
  slug: article.slug,
  title: article.title,
});

const roundScore = (score: number) => Math.round(score * 1000) / 1000;

const sourceTexts = new WeakMap<Article, string>();

/** An article as source text for the grounding check: its title and its body without Markdown marks. */
export const articleSourceText = (article: Article): string => {
  // The same article objects back every answer of a run: the text is made once per article.
  const known = sourceTexts.get(article);
  if (known !== undefined) return known;
  const text = [article.title, ...article.body.split('\n').map(plainMarkdown)]
    .filter((line) => line !== '')
    .join('\n');
  sourceTexts.set(article, text);
  return text;
};

const noUsage = (started: number): AnswerUsage => ({
  model: 'embedded',
  requests: 0,
  promptTokens: 0,
  completionTokens: 0,
  costUsd: 0,
  latencyMs: Math.round(performance.now() - started),
});

/** Ranks the knowledge base for a question (both answerers retrieve the same way). */
export const createArticleRanker = (search: KnowledgeSearch) => {
  const indexOf = createIndexCache();
  return async (question: string) => {
    const [corpus, candidates] = await Promise.all([search.corpus(), search.candidates(question)]);
    const index = indexOf(corpus);
    // Candidates may be stale copies (or missing from the corpus): they are matched by id. When
    // the search proposes the whole corpus (the memory search), there is nothing to filter.
    const everything = candidates === corpus;
    const candidateIds = everything ? undefined : new Set(candidates.map((article) => article.id));
    const composed = composeAnswer(
      index,
      question,
      candidateIds ? { allowed: (article) => candidateIds.has(article.id) } : {},
    );
    const tried: TriedArticle[] = articlesWorthRecording(composed.ranking.ranked, ({ document, score }) => ({
      articleId: document.id,
      slug: document.slug,
      title: document.title,
      score: roundScore(score),
    }));
    return { composed, tried, confidence: roundScore(composed.confidence) };
  };
};

/** The retrieval answerer over a knowledge search. */
export const createRetrievalAnswerer = (search: KnowledgeSearch): Answerer => {
  const rank = createArticleRanker(search);
  const compose = (request: AnswerRequest) => rank(request.question);
  return {
    async retrieve(request) {
      const { tried, confidence } = await compose(request);
      return { tried, confidence };
    },
    async draft(request): Promise<DraftAnswer> {
      request.signal?.throwIfAborted();
      const started = performance.now();
      const { composed, tried, confidence } = await compose(request);
      // Without knowing who asks (a bare request), there is no account to answer from or ask about.
      const account = request.customer
        ? composeAccountAnswer({
            question: request.question,
            transcript: request.transcript,
            lookups: request.lookups ?? [],
            identified: request.customer.identified,
          })
        : null;
      const article = composed.kind === 'answer' ? composed.document : composed.ranking.ranked[0]?.document;
      if (account && article) {
        // The customer's own facts first; the article (cited) for the rest, or for what we need.
        const rest = composed.kind === 'answer' && account.kind === 'facts' ? `\n\n${composed.text}` : '';
        const text = `${account.text}${rest}`;
        request.onDelta?.(text);
        return {
          kind: 'answer',
          text,
          citations: [citationOf(article)],
          sources: [
            { kind: 'article', articleId: article.id, text: articleSourceText(article) },
            ...(account.kind === 'facts' ? [{ kind: 'lookup' as const, name: account.lookup.name }] : []),
          ],
          confidence,
          tried,
          usage: noUsage(started),
        };
      }
      if (composed.kind === 'no_answer')
        return { kind: 'no_answer', reason: composed.reason, confidence, tried, usage: noUsage(started) };
      // Extractive text is copied from the article, so it can be shown as soon as it is chosen.
      request.onDelta?.(composed.text);
      return {
        kind: 'answer',
        text: composed.text,
        citations: [citationOf(composed.document)],
        sources: [
          { kind: 'article', articleId: composed.document.id, text: articleSourceText(composed.document) },
        ],
        confidence,
        tried,
        usage: noUsage(started),
      };
    },
  };
};
