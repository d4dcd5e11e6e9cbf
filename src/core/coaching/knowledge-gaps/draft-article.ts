/**
 * A first draft of the article that closes a gap, assembled from what agents actually replied in
 * the gap's conversations (the embedded default; with an LLM configured, a model may propose one
 * instead). Sentences most replies agree on come first; greetings, sign-offs and near-repeats are
 * dropped, and order numbers and email addresses are masked. Ops edit it before publishing.
 */
import { textTerms } from '../../knowledge/text-terms.ts';
import { cosine, vectorsOfTerms } from '../term-vectors.ts';

export interface ArticleDraft {
  readonly title: string;
  readonly category: string | null;
  readonly tags: readonly string[];
  readonly body: string;
  /** The draft as a Markdown file with front matter, ready for the article editor or `baton import`. */
  readonly markdown: string;
  /** How many agent replies it was assembled from. */
  readonly replies: number;
}

export interface DraftInput {
  readonly gapTerms: readonly string[];
  readonly category: string | null;
  /** The gap's example questions, most typical first. */
  readonly examples: readonly string[];
  /** Agents' replies in the gap's conversations. */
  readonly agentReplies: readonly string[];
  readonly maxSentences?: number;
}

const courtesy =
  /^(?:hi|hello|hey|dear|thanks|thank you|many thanks|kind regards|regards|best|cheers|sorry|apologies|i hope|hope this|have a (?:great|good|nice))\b/i;

const mask = (text: string): string =>
  text.replace(/[\w.+-]+@[\w-]+\.[\w.]+/g, '[email]').replace(/\b\d[\d-]{5,}\d\b/g, '[number]');

const sentencesOf = (reply: string): string[] =>
  mask(reply)
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0 && !courtesy.test(sentence) && textTerms(sentence).length >= 3);

const titleFrom = (question: string | undefined, terms: readonly string[]): string => {
  const text = question ? mask(question).replace(/\s+/g, ' ').trim() : '';
  if (text.length >= 8 && text.length <= 90) {
    const sentence = text.charAt(0).toUpperCase() + text.slice(1);
    return /[?.!]$/.test(sentence) ? sentence : `${sentence}?`;
  }
  const label = terms.join(' and ');
  return label.charAt(0).toUpperCase() + label.slice(1);
};

/** Ranks reply sentences by agreement with the other replies, keeping one of each near-repeat. */
const consensusSentences = (replies: readonly string[], limit: number): string[] => {
  const perReply = replies.map(sentencesOf);
  const sentences = perReply.flatMap((list, reply) => list.map((text) => ({ text, reply })));
  const vectors = vectorsOfTerms([
    ...sentences.map((s) => textTerms(s.text)),
    ...replies.map((r) => textTerms(r)),
  ]);
  const replyVectors = vectors.slice(sentences.length);
  const scored = sentences.map((sentence, index) => ({
    ...sentence,
    vector: vectors[index] ?? new Map(),
    score: replyVectors.reduce(
      (total, vector, reply) =>
        reply === sentence.reply ? total : total + cosine(vectors[index] ?? new Map(), vector),
      0,
    ),
  }));
  scored.sort((a, b) => b.score - a.score || a.text.localeCompare(b.text));
  const chosen: typeof scored = [];
  for (const candidate of scored) {
    if (chosen.length >= limit) break;
    if (chosen.some((picked) => cosine(picked.vector, candidate.vector) > 0.7)) continue;
    chosen.push(candidate);
  }
  return chosen.map((sentence) => sentence.text);
};

const yamlString = (text: string): string => JSON.stringify(text);

export const draftArticle = (input: DraftInput): ArticleDraft => {
  const title = titleFrom(input.examples[0], input.gapTerms);
  const sentences = consensusSentences(input.agentReplies, input.maxSentences ?? 6);
  const body = [
    `# ${title}`,
    '',
    sentences.length > 0
      ? sentences.join('\n\n')
      : 'Write the answer here: no agent reply in these conversations had one to reuse.',
    '',
  ].join('\n');
  const tags = input.gapTerms.slice(0, 5);
  const frontMatter = [
    '---',
    `title: ${yamlString(title)}`,
    ...(input.category ? [`category: ${input.category}`] : []),
    `tags: [${tags.map(yamlString).join(', ')}]`,
    '---',
  ].join('\n');
  return {
    title,
    category: input.category,
    tags,
    body,
    markdown: `${frontMatter}\n${body}`,
    replies: input.agentReplies.length,
  };
};
