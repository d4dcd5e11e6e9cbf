/** `human_requested` and `manager_requested` (SPEC §4): the customer asks for a person. */
import {
  contactVerbs,
  managerNouns,
  nounBreakers,
  nounMakers,
  requestCues,
  strongNouns,
  vocabulary,
  weakNouns,
} from './human-request-words.ts';
import { isNegated } from './negation.ts';
import { quote, type Token, tokenize } from './text.ts';

export interface RequestFinding {
  readonly fired: boolean;
  readonly evidence: string | null;
}

const joinPhrases = (tokens: readonly Token[]): readonly Token[] => {
  const joined: Token[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (!token) continue;
    const next = tokens[i + 1];
    const pair = next && next.clause === token.clause ? `${token.word} ${next.word}` : '';
    const phrase = pairs.get(pair) ?? pairs.get(`${token.word} ${next ? (vocabulary(next.word) ?? '') : ''}`);
    if (phrase && next) {
      joined.push({ ...token, word: phrase, raw: `${token.raw} ${next.raw}`, end: next.end });
      i += 1;
      continue;
    }
    const canonical = vocabulary(token.word);
    joined.push(canonical && canonical !== token.word ? { ...token, word: canonical } : token);
  }
  return joined;
};

const pairs = new Map<string, string>();
for (const adjective of ['real', 'live', 'actual', 'physical', 'proper', 'natural']) {
  for (const noun of [
    'person',
    'human',
    'people',
    'someone',
    'somebody',
    'agent',
    'being',
    'man',
    'woman',
    'body',
  ]) {
    pairs.set(`${adjective} ${noun}`, 'liveperson');
  }
}
for (const noun of ['service', 'support', 'care', 'services'])
  pairs.set(`customer ${noun}`, 'customerservice');
pairs.set('live chat', 'livechat');
pairs.set('live support', 'livechat');
pairs.set('higher up', 'higherup');
pairs.set('higher ups', 'higherup');
pairs.set('in charge', 'incharge');
pairs.set('hand over', 'handover');
pairs.set('me through', 'through');
pairs.set('transfer me', 'transferme');
pairs.set('real life', 'reallife');

const clauseStart = (tokens: readonly Token[], index: number): number => {
  let start = index;
  while (start > 0 && tokens[start - 1]?.clause === tokens[index]?.clause) start -= 1;
  return start;
};

/** "Are you human?", "who runs your team?": asking about the bot, not asking for a person. */
const isQuestionAboutBot = (tokens: readonly Token[], index: number): boolean => {
  let start = clauseStart(tokens, index);
  if (fillers.has(tokens[start]?.word ?? '')) start += 1;
  const first = tokens[start]?.word;
  const second = tokens[start + 1]?.word;
  if (first === 'who' || first === 'whos' || first === 'what' || first === 'whats') return true;
  return (first === 'are' || first === 'is' || first === 'am') && second !== 'there';
};

const fillers = new Set(['so', 'and', 'ok', 'okay', 'well', 'hey', 'hi', 'wait']);
const obligationOpeners = new Set(['have', 'need', 'must', 'should', 'necessary', 'required']);

/** "Do I have to ring an adviser before I can return this?" asks whether, not for, a person. */
const asksWhetherNeeded = (tokens: readonly Token[], cue: number): boolean => {
  const start = clauseStart(tokens, cue);
  const first = tokens[start]?.word;
  if (first === 'should' || first === 'must') return true;
  if (first !== 'do' && first !== 'does' && first !== 'will' && first !== 'is') return false;
  for (let i = start + 1; i < cue && i <= start + 4; i += 1) {
    if (obligationOpeners.has(tokens[i]?.word ?? '')) return true;
  }
  return false;
};

/** Words that may sit between a negator and the request it cancels ("don't *need to talk to a* human"). */
const requestPassThrough = new Set([
  ...requestCues,
  'to',
  'a',
  'an',
  'the',
  'any',
  'me',
  'you',
  'really',
  'even',
  'be',
  'with',
  'liveperson',
  'wish',
  'like',
  'would',
  'think',
  'necessarily',
  'ever',
]);

const findCue = (
  tokens: readonly Token[],
  index: number,
  cues: ReadonlySet<string>,
  before: number,
  after: number,
): number => {
  const clause = tokens[index]?.clause;
  for (let i = index - 1; i >= 0 && i >= index - before; i -= 1) {
    const token = tokens[i];
    if (!token || token.clause !== clause) break;
    if (cues.has(token.word)) return i;
  }
  for (let i = index + 1; i < tokens.length && i <= index + after; i += 1) {
    const token = tokens[i];
    if (!token || token.clause !== clause) break;
    if (cues.has(token.word)) return i;
  }
  return -1;
};

const detect = (
  text: string,
  tokens: readonly Token[],
  nouns: ReadonlySet<string>,
  weak: ReadonlySet<string>,
): RequestFinding => {
  const short = tokens.length <= 5;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (!token) continue;
    const strong = nouns.has(token.word);
    if (!strong && !weak.has(token.word)) continue;
    const next = tokens[i + 1];
    const previous = tokens[i - 1];
    if (next && next.clause === token.clause && nounBreakers.has(next.word)) continue;
    if (previous && previous.clause === token.clause && nounMakers.has(previous.word)) continue;
    let cue = strong ? findCue(tokens, i, requestCues, 7, 3) : findCue(tokens, i, contactVerbs, 6, 0);
    if (cue < 0 && !strong) cue = findCue(tokens, i, afterCues, 0, 4);
    const standalone = strong && short && !isQuestionAboutBot(tokens, i);
    if (cue < 0 && !standalone) continue;
    if (cue >= 0 && asksWhetherNeeded(tokens, Math.min(cue, i))) continue;
    const negation = { window: 7, passThrough: requestPassThrough };
    if (isNegated(tokens, i, negation) || (cue >= 0 && isNegated(tokens, Math.min(cue, i), negation)))
      continue;
    const from = cue >= 0 ? Math.min(cue, i) : i;
    const to = cue >= 0 ? Math.max(cue, i) : i;
    return { fired: true, evidence: quote(text, tokens, from, to) };
  }
  if (weak === weakNouns) {
    const bot = refusesBot(tokens);
    if (bot >= 0) return { fired: true, evidence: quote(text, tokens, Math.max(0, bot - 4), bot) };
  }
  return { fired: false, evidence: null };
};

const noWeakNouns = new Set<string>();
const afterCues = new Set(['line']);

/** Words for the automated assistant itself. */
const botNouns = new Set([
  'bot',
  'bots',
  'robot',
  'robots',
  'chatbot',
  'chatbots',
  'machine',
  'machines',
  'automated',
]);
/** Before a bot noun these mean "not the bot": refusing it is asking for a person. */
const refusals = new Set([
  'dont',
  'not',
  'no',
  'stop',
  'hate',
  'tired',
  'sick',
  'enough',
  'never',
  'rather',
  'instead',
]);
const talkWords = new Set([
  'talk',
  'talking',
  'speak',
  'speaking',
  'chat',
  'chatting',
  'with',
  'to',
  'sharing',
  'share',
]);

/** "I don't want to talk to a bot", "not comfortable sharing this with a machine": a refusal of the bot. */
const refusesBot = (tokens: readonly Token[]): number => {
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (!token) continue;
    if (!botNouns.has(token.word)) continue;
    let refused = false;
    let talked = false;
    for (let j = i - 1; j >= 0 && j >= i - 9; j -= 1) {
      const before = tokens[j];
      if (!before || before.clause !== token.clause) break;
      if (refusals.has(before.word)) refused = true;
      if (talkWords.has(before.word)) talked = true;
    }
    if (refused && talked) return i;
  }
  return -1;
};

/** Tokens with misspellings mapped to keywords and phrases ("real person") joined; share between the two detectors. */
export const requestTokens = (text: string): readonly Token[] => joinPhrases(tokenize(text));

/** Detects an explicit request to talk to a person, tolerant of typos and respectful of negation. */
export const detectHumanRequest = (text: string, tokens = requestTokens(text)): RequestFinding =>
  detect(text, tokens, strongNouns, weakNouns);

/** Detects a request for a manager or supervisor. */
export const detectManagerRequest = (text: string, tokens = requestTokens(text)): RequestFinding =>
  detect(text, tokens, managerNouns, noWeakNouns);
