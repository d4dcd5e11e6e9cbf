/**
 * Knowledge gaps from stored history (SPEC §8): each AI decision's customer question with its best
 * article score, plus reviewers' `missing_article` labels, clustered by the pure gap finder over the
 * last few weeks. From a gap, ops get a draft article assembled from the agents' replies in its
 * conversations, edit it, and publish it through the knowledge import path.
 */
import type { ArticleDraftView, KnowledgeGapView } from '../../api/gaps-schemas.ts';
import { canChangePolicy, canReview } from '../../core/auth/permissions.ts';
import { isoWeekOf, isoWeekRange, previousIsoWeek } from '../../core/coaching/iso-week.ts';
import {
  defaultGapSettings,
  draftArticle,
  findKnowledgeGaps,
  type GapQuestion,
  gapQuestionFromDecision,
  type KnowledgeGap,
} from '../../core/coaching/knowledge-gaps/index.ts';
import { DomainError } from '../../core/errors.ts';
import {
  describeArticleProblems,
  parseArticleMarkdown,
  slugFromFileName,
} from '../../core/knowledge/article-markdown.ts';
import type { Agent } from '../../core/model.ts';
import type { Store } from '../../core/ports/store.ts';
import type { AppContext } from '../context.ts';

/** Weeks the gaps screen looks back over, this one included (enough to see a trend). */
const WEEKS = 4;

const weeksEndingWith = (last: string): string[] => {
  const weeks = [last];
  while (weeks.length < WEEKS) weeks.unshift(previousIsoWeek(weeks[0] ?? '') ?? '');
  return weeks;
};

/** Every decided customer question of the weeks, as the gap finder reads it. */
const gapQuestions = async (store: Store, workspaceId: string, since: Date): Promise<GapQuestion[]> => {
  const [decisions, labels] = await Promise.all([
    store.events.listByType(workspaceId, ['decision_made'], since),
    store.reviews.listLabels(workspaceId, { since }),
  ]);
  const missing = new Set(
    labels.filter((l) => l.rootCause === 'missing_article').map((l) => l.conversationId),
  );
  // The asked messages in one read (a busy month holds tens of thousands), not a read per conversation.
  const asked = await store.messages.getByIds(
    decisions.flatMap((d) => (typeof d.data.messageId === 'string' ? [d.data.messageId] : [])),
  );
  const questions: GapQuestion[] = [];
  for (const decision of decisions) {
    const messageId = decision.data.messageId;
    if (typeof messageId !== 'string') continue;
    const message = asked.get(messageId);
    if (message === undefined || message.conversationId !== decision.conversationId) continue;
    const question = gapQuestionFromDecision({
      conversationId: decision.conversationId,
      question: message.body,
      at: decision.at,
      decision: decision.data,
      missingArticleLabel: missing.has(decision.conversationId),
    });
    if (question) questions.push(question);
  }
  return questions;
};

/** The gaps as they stood at the end of `week`: found over the weeks up to it, later questions left out. */
export const gapsAsOfWeek = async (
  store: Store,
  workspaceId: string,
  week: string,
): Promise<KnowledgeGap[]> => {
  const weeks = weeksEndingWith(week);
  const since = isoWeekRange(weeks[0] ?? '')?.start;
  const end = isoWeekRange(week)?.end;
  if (!since || !end) return [];
  const questions = await gapQuestions(store, workspaceId, since);
  return findKnowledgeGaps(
    questions.filter((question) => question.at < end),
    weeks,
  );
};

const currentGaps = async (ctx: AppContext, agent: Agent): Promise<KnowledgeGap[]> => {
  if (!canReview(agent))
    throw new DomainError('forbidden', 'Knowledge gaps are for the qa, ops and admin roles.');
  const weeks = weeksEndingWith(isoWeekOf(ctx.now()));
  const since = isoWeekRange(weeks[0] ?? '')?.start ?? ctx.now();
  return findKnowledgeGaps(
    await gapQuestions(ctx.store, agent.workspaceId, since),
    weeks,
    defaultGapSettings,
    { lastWeekUnderWay: true },
  );
};

export const knowledgeGaps = async (ctx: AppContext, agent: Agent): Promise<KnowledgeGapView[]> =>
  (await currentGaps(ctx, agent)).map((gap) => ({
    ...gap,
    terms: [...gap.terms],
    conversationIds: [...gap.conversationIds],
    examples: [...gap.examples],
    weekly: gap.weekly.map((week) => ({ ...week })),
  }));

/** A draft article for one gap, from the agents' replies in its conversations. */
export const draftGapArticle = async (
  ctx: AppContext,
  agent: Agent,
  gapId: string,
): Promise<ArticleDraftView> => {
  const gap = (await currentGaps(ctx, agent)).find((candidate) => candidate.id === gapId);
  if (!gap) throw new DomainError('not_found', `No gap ${gapId} now; reload the gaps, it may have closed.`);
  const replies = await Promise.all(gap.conversationIds.map((id) => ctx.store.messages.list(id)));
  const draft = draftArticle({
    gapTerms: gap.terms,
    category: gap.category,
    examples: gap.examples,
    agentReplies: replies
      .flat()
      .flatMap((m) => (m.author === 'agent' && m.kind === 'message' ? [m.body] : [])),
  });
  return { ...draft, tags: [...draft.tags] };
};

/** Publishes an edited draft (Markdown with front matter) as an article, as `baton import` would. */
export const publishGapArticle = async (
  ctx: AppContext,
  agent: Agent,
  markdown: string,
): Promise<{ readonly slug: string; readonly title: string }> => {
  if (!canChangePolicy(agent)) throw new DomainError('forbidden', 'Only ops and admins publish articles.');
  // The slug comes from the title unless the front matter names one (as a file name would in an import).
  const first = parseArticleMarkdown('article.md', markdown);
  const named = first.kind === 'article' ? `${slugFromFileName(first.article.title)}.md` : 'article.md';
  const parsed = parseArticleMarkdown(named, markdown);
  if (parsed.kind === 'invalid')
    throw new DomainError('invalid_input', describeArticleProblems('The article', parsed.problems).join(' '));
  const article = await ctx.store.articles.upsert({ workspaceId: agent.workspaceId, ...parsed.article });
  return { slug: article.slug, title: article.title };
};
