/**
 * The retrieval index over a knowledge base, built once: every passage's terms, postings from a
 * term to the passages holding it, and inverse document frequencies over all passages.
 *
 * Relevance of a question to a passage is IDF-weighted coverage: the share of the question's
 * content (rare words weigh more) that the passage, its heading and its article's title and tags
 * contain. Words the knowledge base never uses count against every passage — that is what makes a
 * question about something the KB does not cover score low everywhere.
 */
import { boundedMemo } from '../bounded-memo.ts';
import { type Passage, splitPassages } from './passages.ts';
import { phrasesSaid, phraseWords, tagPhrases } from './tag-phrases.ts';
import { distinctTerms, foldedWords, isDroppedWord, synonymStems, termOfKeptWord } from './text-terms.ts';
import { thingTerms } from './thing-words.ts';

/** What the index needs of an article; the store's `Article` and a parsed file both fit. */
export interface KnowledgeDocument {
  readonly slug: string;
  readonly title: string;
  readonly tags: readonly string[];
  readonly body: string;
}

export interface IndexedPassage extends Passage {
  readonly documentIndex: number;
  /** Terms of the passage text together with its heading, article title, tags and labels. */
  readonly terms: ReadonlySet<string>;
  /** Terms of the passage text alone: a question word found here is direct evidence. */
  readonly textTerms: ReadonlySet<string>;
  /** Terms of each unit, in unit order, for choosing what to quote. */
  readonly unitTerms: readonly ReadonlySet<string>[];
}

export interface KnowledgeIndex<D extends KnowledgeDocument> {
  readonly documents: readonly D[];
  readonly passages: readonly IndexedPassage[];
  readonly passagesByDocument: readonly (readonly number[])[];
  /** Passage index → the index of its document (the same as each passage's `documentIndex`). */
  readonly passageDocuments: Int32Array;
  readonly titleTerms: readonly ReadonlySet<string>[];
  /** Term → the documents whose title or tags use it. */
  readonly titlePostings: ReadonlyMap<string, readonly number[]>;
  readonly postings: ReadonlyMap<string, readonly number[]>;
  readonly textPostings: ReadonlyMap<string, readonly number[]>;
  readonly idf: ReadonlyMap<string, number>;
  /** Weight of a question word the knowledge base never uses. */
  readonly unknownTermWeight: number;
  /** Each vocabulary term with one letter deleted → that term (only where unambiguous), for typos. */
  readonly oneLetterOff: ReadonlyMap<string, string>;
  /** Each document's tags of two words or more, as words (see tag-phrases.ts). */
  readonly tagPhrases: readonly (readonly (readonly string[])[])[];
}

/** How much a word the KB never uses weighs, relative to the rarest word it does use. */
const unknownWeightFactor = 1.1;
/** How much more a word used in some title or tag list weighs than its IDF alone. */
const topicTermBoost = 1.6;
/** Typos are corrected only in words this long, where one wrong letter rarely makes another word. */
const minTypoLength = 5;
/** A corrected word counts for a little less than one spelled right. */
const typoWeightFactor = 0.8;

const oneLetterDeletions = (term: string): string[] =>
  Array.from({ length: term.length }, (_, i) => term.slice(0, i) + term.slice(i + 1));

/**
 * Symmetric-deletion index: two words one edit apart share a one-letter deletion. Synonyms take
 * part too ("pacakge" is one swap from "package", which means `order`), mapped to their term.
 */
const buildOneLetterOff = (vocabulary: ReadonlySet<string>): Map<string, string> => {
  const map = new Map<string, string>();
  const ambiguous = new Set<string>();
  const spellings: [string, string][] = [...vocabulary].map((term) => [term, term]);
  for (const [stem, canonical] of synonymStems)
    if (vocabulary.has(canonical)) spellings.push([stem, canonical]);
  for (const [spelling, term] of spellings) {
    if (spelling.length < minTypoLength - 1 || /\d/.test(spelling)) continue;
    for (const variant of oneLetterDeletions(spelling)) {
      const owner = map.get(variant);
      if (owner !== undefined && owner !== term) ambiguous.add(variant);
      else map.set(variant, term);
    }
  }
  for (const variant of ambiguous) map.delete(variant);
  return map;
};

/** Builds the index once; scoring a question then only walks the postings of its terms. */
export const buildKnowledgeIndex = <D extends KnowledgeDocument>(
  documents: readonly D[],
): KnowledgeIndex<D> => {
  const passages: IndexedPassage[] = [];
  const passagesByDocument: number[][] = [];
  const titleTerms: ReadonlySet<string>[] = [];
  documents.forEach((document, documentIndex) => {
    const about = distinctTerms(`${document.title} ${document.tags.join(' ')}`);
    titleTerms.push(new Set(about));
    const indices: number[] = [];
    for (const passage of splitPassages(document.title, document.body)) {
      const unitTerms = passage.units.map((unit) => new Set(distinctTerms(unit.text)));
      const textTerms = new Set(unitTerms.flatMap((terms) => [...terms]));
      const terms = new Set([
        ...about,
        ...distinctTerms(passage.heading),
        ...passage.labels.flatMap(distinctTerms),
        ...textTerms,
      ]);
      indices.push(passages.length);
      passages.push({ ...passage, documentIndex, terms, textTerms, unitTerms });
    }
    passagesByDocument.push(indices);
  });
  const postings = new Map<string, number[]>();
  const textPostings = new Map<string, number[]>();
  const post = (map: Map<string, number[]>, term: string, index: number) => {
    const list = map.get(term);
    if (list) list.push(index);
    else map.set(term, [index]);
  };
  const titlePostings = new Map<string, number[]>();
  titleTerms.forEach((terms, documentIndex) => {
    for (const term of terms) post(titlePostings, term, documentIndex);
  });
  passages.forEach((passage, index) => {
    for (const term of passage.terms) post(postings, term, index);
    for (const term of passage.textTerms) post(textPostings, term, index);
  });
  const count = Math.max(1, passages.length);
  const topicTerms = new Set(titleTerms.flatMap((terms) => [...terms]));
  const idf = new Map<string, number>();
  for (const [term, list] of postings) {
    // Words that titles and tags use name what customers ask about (refund, password, invoice),
    // so they outweigh incidental words (a product name) that happen to be rarer.
    const topicFactor = topicTerms.has(term) ? topicTermBoost : 1;
    idf.set(term, topicFactor * Math.log(1 + count / list.length));
  }
  return {
    documents,
    passages,
    passagesByDocument,
    passageDocuments: Int32Array.from(passages, (passage) => passage.documentIndex),
    titleTerms,
    titlePostings,
    postings,
    textPostings,
    idf,
    unknownTermWeight: unknownWeightFactor * Math.log(1 + count),
    oneLetterOff: buildOneLetterOff(new Set(idf.keys())),
    tagPhrases: documents.map((document) => tagPhrases(document.tags)),
  };
};

export interface QuestionTerm {
  readonly term: string;
  readonly weight: number;
  readonly known: boolean;
}

export interface DocumentRelevance<D extends KnowledgeDocument> {
  readonly document: D;
  readonly documentIndex: number;
  /** Relevance in [0, 1]. */
  readonly score: number;
  /** The best passage of the document for this question (index into `index.passages`). */
  readonly passageIndex: number;
  /** Whether the article's title or tags name anything the question asks (not only its text). */
  readonly aboutQuestion: boolean;
}

export interface Ranking<D extends KnowledgeDocument> {
  readonly terms: readonly QuestionTerm[];
  /** Share of the question's weight made of words the knowledge base uses at all. */
  readonly knownShare: number;
  /** Every allowed document with a passage, best first. */
  readonly ranked: readonly DocumentRelevance<D>[];
}

/** The postings of a term no title, passage or text uses. */
const none: readonly number[] = [];

/** Weight of the passage itself versus what its article is about (title and tags). */
const passageShare = 0.75;

/** The vocabulary term one edit (a wrong, missing, extra or swapped letter) away, if exactly one is. */
const correctTypo = <D extends KnowledgeDocument>(
  index: KnowledgeIndex<D>,
  term: string,
): string | undefined => {
  if (term.length < minTypoLength || /\d/.test(term)) return undefined;
  const missingLetter = index.oneLetterOff.get(term);
  if (missingLetter !== undefined) return missingLetter;
  // Each one-letter deletion is made only when it is tried, in order: no list of them per word.
  for (let at = 0; at < term.length; at += 1) {
    const variant = term.slice(0, at) + term.slice(at + 1);
    if (variant.length >= minTypoLength - 1 && index.idf.has(variant)) return variant;
    const near = index.oneLetterOff.get(variant);
    if (near !== undefined) return near;
  }
  return undefined;
};

/** How much an unknown name (a city, a person) weighs relative to another unknown word. */
const unknownNameFactor = 0.3;
/**
 * How much a word for a thing a shop sells weighs when no article uses it ("the kettle", "the
 * rug"): it names the item, not what is asked, so it must not sink a question the articles answer.
 */
const thingWordFactor = 0.4;

/**
 * Terms of the capitalised words inside a sentence ("ship to Munich", "the bill from Ms Jones"):
 * names fill a slot of a question the KB answers in general, so not knowing one matters less.
 */
const nameTerms = (question: string): ReadonlySet<string> => {
  const names = new Set<string>();
  for (const match of question.matchAll(/(?<=[\p{L}\p{N},;:)'"]\s+)\p{Lu}\p{Ll}+/gu)) {
    if (match[0] === 'I') continue;
    for (const term of distinctTerms(match[0])) names.add(term);
  }
  return names;
};

/**
 * What a question term counts as, the same in every question: itself (known, a thing, or unknown
 * at full weight) or, when misspelt, the knowledge-base term it is corrected to.
 */
interface TermReading {
  readonly corrected: boolean;
  readonly questionTerm: QuestionTerm;
  /** Where the question term is found, looked up once with the reading instead of per question. */
  readonly found: TermPostings;
}

/** The passages (with their headings, titles and tags), passage texts and titles using a term. */
interface TermPostings {
  readonly passages: readonly number[];
  readonly texts: readonly number[];
  readonly titles: readonly number[];
}

const postingsOf = <D extends KnowledgeDocument>(index: KnowledgeIndex<D>, term: string): TermPostings => ({
  passages: index.postings.get(term) ?? none,
  texts: index.textPostings.get(term) ?? none,
  titles: index.titlePostings.get(term) ?? none,
});

/** A reading of `questionTerm`, spelled as asked unless `corrected`. */
const reading = <D extends KnowledgeDocument>(
  index: KnowledgeIndex<D>,
  corrected: boolean,
  questionTerm: QuestionTerm,
): TermReading => ({ corrected, questionTerm, found: postingsOf(index, questionTerm.term) });

const readTerm = <D extends KnowledgeDocument>(index: KnowledgeIndex<D>, term: string): TermReading => {
  const weight = index.idf.get(term);
  if (weight !== undefined) return reading(index, false, { term, weight, known: true });
  // A word for a thing is spelled right, however near it is to a knowledge-base word: "chair"
  // is not a typo for "charge", nor "plant" for "plan".
  if (thingTerms.has(term)) {
    return reading(index, false, { term, weight: thingWordFactor * index.unknownTermWeight, known: false });
  }
  const corrected = correctTypo(index, term);
  const correctedWeight = corrected === undefined ? undefined : index.idf.get(corrected);
  if (corrected !== undefined && correctedWeight !== undefined) {
    return reading(index, true, { term: corrected, weight: typoWeightFactor * correctedWeight, known: true });
  }
  return reading(index, false, { term, weight: index.unknownTermWeight, known: false });
};

/** What a word of a question reads as: its term, and what that term counts as. */
interface WordReading {
  readonly term: string;
  readonly reading: TermReading;
}

/**
 * Each index's readings of the words kept so far: the same words, and misspellings, whose
 * correction tries every one-letter deletion, come back question after question, and one lookup by
 * the word as written replaces stemming it and looking its term up. (Stop-words, most of a
 * question, are dropped before it: their small set answers faster than this larger map.) Bounded,
 * so a stream of odd words cannot make it grow without end.
 */
const wordReadersByIndex = new WeakMap<object, (word: string) => WordReading>();
const maxRememberedWords = 20_000;

const readWord = <D extends KnowledgeDocument>(index: KnowledgeIndex<D>, word: string): WordReading => {
  const term = termOfKeptWord(word);
  return { term, reading: readTerm(index, term) };
};

/** Whether a word starts with a digit: mostly an order or reference number, seen once. */
const startsWithDigit = (word: string): boolean => {
  const code = word.charCodeAt(0);
  return code >= 48 && code <= 57;
};

/**
 * What a word that is not dropped (see `isDroppedWord`) reads as, remembered for the index: looked
 * up once per question, not once per word.
 */
const wordReaderOf = <D extends KnowledgeDocument>(
  index: KnowledgeIndex<D>,
): ((word: string) => WordReading) => {
  const known = wordReadersByIndex.get(index);
  if (known !== undefined) return known;
  const readings = boundedMemo<string, WordReading>(maxRememberedWords);
  const read = (kept: string) => readWord(index, kept);
  // Order and reference numbers would fill the memory with words never asked again.
  const reader = (kept: string) => (startsWithDigit(kept) ? readWord(index, kept) : readings.get(kept, read));
  wordReadersByIndex.set(index, reader);
  return reader;
};

const noNames: ReadonlySet<string> = new Set();

/** The readings of a question's terms, each term once, in the order the question first uses them. */
const readQuestion = <D extends KnowledgeDocument>(
  index: KnowledgeIndex<D>,
  question: string,
): TermReading[] => {
  const terms = new Map<string, TermReading>();
  // The names are looked for only when a word the knowledge base does not know needs them.
  let names: ReadonlySet<string> | undefined;
  const readKept = wordReaderOf(index);
  // A repeated word sets what it set the first time (or is skipped as a correction already in), so
  // the words need no de-duplicating first.
  for (const word of foldedWords(question)) {
    if (isDroppedWord(word)) continue;
    const { term, reading } = readKept(word);
    const { corrected, questionTerm } = reading;
    if (corrected) {
      if (!terms.has(questionTerm.term)) terms.set(questionTerm.term, reading);
      continue;
    }
    if (!questionTerm.known && !thingTerms.has(term)) {
      names ??= /\p{Lu}/u.test(question) ? nameTerms(question) : noNames;
      if (names.has(term)) {
        const name = { term, weight: unknownNameFactor * index.unknownTermWeight, known: false };
        terms.set(term, { corrected: false, questionTerm: name, found: reading.found });
        continue;
      }
    }
    terms.set(term, reading);
  }
  return [...terms.values()];
};

/** The question's weighted terms; a misspelt word counts, a little less, as the word it resembles. */
export const questionTerms = <D extends KnowledgeDocument>(
  index: KnowledgeIndex<D>,
  question: string,
): QuestionTerm[] => readQuestion(index, question).map((read) => read.questionTerm);

/**
 * Zeroed sums of question weight, reused by every ranking (ranking is synchronous, so no two
 * overlap): a typed array of this size lives outside the heap, and allocating three of them per
 * question cost more than the ranking's arithmetic.
 */
let sumScratch = new Float64Array(1024);

/** Four zeroed sums of `passages`, `passages`, `documents` and `documents` entries, one after another. */
const zeroedSums = (passages: number, documents: number): Float64Array => {
  const size = 2 * passages + 2 * documents;
  if (sumScratch.length < size) sumScratch = new Float64Array(Math.max(size, 2 * sumScratch.length));
  sumScratch.fill(0, 0, size);
  return sumScratch;
};

/** Whether any of the first `count` ranked articles has a tag of two words or more. */
const anyTagPhrase = <D extends KnowledgeDocument>(
  index: KnowledgeIndex<D>,
  ranked: readonly DocumentRelevance<D>[],
  count: number,
): boolean => {
  for (let at = 0; at < count; at += 1) {
    const documentIndex = ranked[at]?.documentIndex ?? -1;
    if ((index.tagPhrases[documentIndex]?.length ?? 0) > 0) return true;
  }
  return false;
};

/**
 * How many of its tags each of the first `count` ranked articles has said word for word, and
 * whether any has. (Built with a plain loop, like the other arrays `rankDocuments` reads: an
 * array made by `map` has another elements kind when the builtin makes it than when optimised code
 * does, and the optimised ranking, expecting one, was thrown away at every call for thousands of
 * questions before settling.)
 */
const tagsSaid = <D extends KnowledgeDocument>(
  index: KnowledgeIndex<D>,
  question: string,
  ranked: readonly DocumentRelevance<D>[],
  count: number,
): { readonly counts: number[]; readonly any: boolean } => {
  const words = phraseWords(question);
  const counts: number[] = [];
  let any = false;
  for (let at = 0; at < count; at += 1) {
    const documentIndex = ranked[at]?.documentIndex ?? -1;
    const said = phrasesSaid(words, index.tagPhrases[documentIndex] ?? []);
    counts.push(said);
    if (said !== 0) any = true;
  }
  return { counts, any };
};

/**
 * Puts the first `counts.length` ranked articles in order of their counts, highest first; those
 * with equal counts keep their order (an insertion sort, stable, over a handful of articles:
 * no builtin sort, see `tagsSaid`).
 */
const moveMostSaidFirst = <D extends KnowledgeDocument>(
  ranked: DocumentRelevance<D>[],
  counts: number[],
): void => {
  for (let next = 1; next < counts.length; next += 1) {
    const relevance = ranked[next];
    const said = counts[next] ?? 0;
    if (relevance === undefined) continue;
    let at = next;
    while (at > 0 && (counts[at - 1] ?? 0) < said) {
      counts[at] = counts[at - 1] ?? 0;
      ranked[at] = ranked[at - 1] ?? relevance;
      at -= 1;
    }
    counts[at] = said;
    ranked[at] = relevance;
  }
};

/**
 * Articles tied at the top are put in order of how many of their tags the question says word for
 * word (then by their place, as before): only when there is a tie, so nothing else pays for it.
 */
const breakTopTie = <D extends KnowledgeDocument>(
  index: KnowledgeIndex<D>,
  question: string,
  ranked: DocumentRelevance<D>[],
): void => {
  const top = ranked[0]?.score;
  let tied = 0;
  while (tied < ranked.length && ranked[tied]?.score === top) tied += 1;
  if (tied < 2 || !anyTagPhrase(index, ranked, tied)) return;
  const said = tagsSaid(index, question, ranked, tied);
  // Mostly the question says none of their tags, and the tie stands in the articles' own order.
  if (!said.any) return;
  moveMostSaidFirst(ranked, said.counts);
};

const unrelatedByIndex = new WeakMap<object, readonly (DocumentRelevance<KnowledgeDocument> | undefined)[]>();

/**
 * Each article's relevance to a question it shares no term with: every question weight is
 * positive, so a score of 0 means all of the article's sums are 0, its first passage is the one
 * quoted and nothing in its title is asked. Most articles are unrelated to a given question, so
 * these are made once per index instead of once per article per question.
 */
const unrelatedRelevances = <D extends KnowledgeDocument>(
  index: KnowledgeIndex<D>,
): readonly (DocumentRelevance<D> | undefined)[] => {
  const known = unrelatedByIndex.get(index) as readonly (DocumentRelevance<D> | undefined)[] | undefined;
  if (known) return known;
  const relevances = index.documents.map((document, documentIndex) => {
    const first = index.passagesByDocument[documentIndex]?.[0];
    return first === undefined
      ? undefined
      : { document, documentIndex, score: 0, passageIndex: first, aboutQuestion: false };
  });
  unrelatedByIndex.set(index, relevances);
  return relevances;
};

/**
 * The relevance of an article that shares a term with the question: it scores by its best-covered
 * passage; the passage quoted is the one whose own text (not just its heading, title or tags) says
 * the most of what was asked.
 */
const relatedRelevance = <D extends KnowledgeDocument>(
  index: KnowledgeIndex<D>,
  document: D,
  documentIndex: number,
  covered: Float64Array,
  textCovered: Float64Array,
  titleCovered: Float64Array,
  total: number,
): DocumentRelevance<D> => {
  let best = -1;
  let bestEvidence = -1;
  let bestCovered = 0;
  for (const passageIndex of index.passagesByDocument[documentIndex] ?? none) {
    const value = covered[passageIndex] ?? 0;
    const evidence = value + (textCovered[passageIndex] ?? 0);
    if (value > bestCovered) bestCovered = value;
    if (evidence > bestEvidence) {
      best = passageIndex;
      bestEvidence = evidence;
    }
  }
  const aboutCovered = titleCovered[documentIndex] ?? 0;
  const score = (passageShare * bestCovered + (1 - passageShare) * aboutCovered) / total;
  return {
    document,
    documentIndex,
    score: Math.min(1, score),
    passageIndex: best,
    aboutQuestion: aboutCovered > 0,
  };
};

/**
 * Puts a relevance into a best-first list after every one scoring as much: the articles come in
 * document order, so ties stay in document order, as a sort by score then index would leave them.
 * A question shares terms with a score or so of articles, and moving a few of them along costs
 * less than a general sort with its comparison calls.
 */
const insertByScore = <D extends KnowledgeDocument>(
  ranked: DocumentRelevance<D>[],
  relevance: DocumentRelevance<D>,
): void => {
  let at = ranked.length;
  ranked.push(relevance);
  while (at > 0) {
    const before = ranked[at - 1];
    if (before === undefined || before.score >= relevance.score) break;
    ranked[at] = before;
    at -= 1;
  }
  ranked[at] = relevance;
};

/** Ranks documents for a question; `allowed` limits which documents count (e.g. full-text hits). */
export const rankDocuments = <D extends KnowledgeDocument>(
  index: KnowledgeIndex<D>,
  question: string,
  allowed?: (document: D) => boolean,
): Ranking<D> => {
  const read = readQuestion(index, question);
  // One loop, not `map` and `reduce`: see `tagsSaid` (the sums are added in the same order).
  const terms: QuestionTerm[] = [];
  let total = 0;
  let known = 0;
  for (const { questionTerm } of read) {
    terms.push(questionTerm);
    total += questionTerm.weight;
    known += questionTerm.known ? questionTerm.weight : 0;
  }
  const passageCount = index.passages.length;
  const documentCount = index.documents.length;
  const sums = zeroedSums(passageCount, documentCount);
  const covered = sums.subarray(0, passageCount);
  const textCovered = sums.subarray(passageCount, 2 * passageCount);
  // What each article's passages cover at all: an article none of whose passages holds a question
  // term shares nothing with the question, and its passages need not be looked at.
  const documentCovered = sums.subarray(2 * passageCount + documentCount);
  const passageDocuments = index.passageDocuments;
  for (const { questionTerm, found } of read) {
    if (!questionTerm.known) continue;
    const weight = questionTerm.weight;
    for (const i of found.passages) {
      covered[i] = (covered[i] ?? 0) + weight;
      const documentIndex = passageDocuments[i] ?? 0;
      documentCovered[documentIndex] = (documentCovered[documentIndex] ?? 0) + weight;
    }
    for (const i of found.texts) textCovered[i] = (textCovered[i] ?? 0) + weight;
  }
  // What each article's title and tags cover of the question, from the same term walk.
  const titleCovered = sums.subarray(2 * passageCount, 2 * passageCount + documentCount);
  for (const { questionTerm, found } of read) {
    for (const i of found.titles) titleCovered[i] = (titleCovered[i] ?? 0) + questionTerm.weight;
  }
  // Articles that share nothing with the question score 0: they already stand in document order,
  // which is where the sort would put them (last, ties by index), so only the others are ranked.
  // (A title or tag term is in every passage of its article, so an article with no passage
  // covered has nothing in its title asked either.)
  const ranked: DocumentRelevance<D>[] = [];
  const unrelated: DocumentRelevance<D>[] = [];
  const sharingNothing = unrelatedRelevances(index);
  for (let documentIndex = 0; documentIndex < documentCount; documentIndex += 1) {
    const document = index.documents[documentIndex];
    if (document === undefined || (allowed && !allowed(document))) continue;
    if (total <= 0 || (documentCovered[documentIndex] ?? 0) <= 0) {
      const relevance = sharingNothing[documentIndex];
      if (relevance) unrelated.push(relevance);
      continue;
    }
    insertByScore(
      ranked,
      relatedRelevance(index, document, documentIndex, covered, textCovered, titleCovered, total),
    );
  }
  breakTopTie(index, question, ranked);
  for (const relevance of unrelated) ranked.push(relevance);
  return { terms, knownShare: total > 0 ? known / total : 0, ranked };
};
