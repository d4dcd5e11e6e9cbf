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
import { pairsByFirstWord, quote, type Token, tokenize, wordReadingOf } from './text.ts';

export interface RequestFinding {
  readonly fired: boolean;
  readonly evidence: string | null;
}

/** The pairs below by first word: most tokens start none, and then need no pair looked up. */
let pairsByFirst: ReadonlyMap<string, ReadonlyMap<string, string>> | undefined;
const pairsStartingWith = (token: Token): ReadonlyMap<string, string> | null => {
  let seconds = token.reading.requestPairs;
  if (seconds === undefined) {
    pairsByFirst ??= pairsByFirstWord(pairs);
    seconds = pairsByFirst.get(token.word) ?? null;
    token.reading.requestPairs = seconds;
  }
  return seconds;
};

/** The request keyword a token's word is a spelling of, or null (kept in the word's reading). */
const spellingOf = (token: Token): string | null => {
  let spelt = token.reading.requestSpelling;
  if (spelt === undefined) {
    spelt = vocabulary(token.word);
    token.reading.requestSpelling = spelt;
  }
  return spelt;
};

/**
 * A token built field by field in the order `tokenize` writes them: an object spread made tokens of
 * another shape, and the detectors that read both kinds ran slower code (and fell back to it).
 */
const tokenOf = (word: string, raw: string, start: number, end: number, clause: number): Token => ({
  word,
  raw,
  start,
  end,
  clause,
  reading: wordReadingOf(word),
});

/**
 * The tokens with two-word phrases joined and misspellings respelt. Most messages have neither, so
 * the copy is only begun at the first token that changes, and otherwise the tokens come back as they are.
 */
const joinPhrases = (tokens: readonly Token[]): readonly Token[] => {
  let joined: Token[] | null = null;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (!token) continue;
    const next = tokens[i + 1];
    const seconds = next ? pairsStartingWith(token) : null;
    const phrase =
      next && seconds
        ? ((next.clause === token.clause ? seconds.get(next.word) : undefined) ??
          seconds.get(spellingOf(next) ?? ''))
        : undefined;
    let changed: Token | null = null;
    if (phrase && next) {
      changed = tokenOf(phrase, `${token.raw} ${next.raw}`, token.start, next.end, token.clause);
    } else {
      const canonical = spellingOf(token);
      if (canonical && canonical !== token.word)
        changed = tokenOf(canonical, token.raw, token.start, token.end, token.clause);
    }
    if (changed) {
      joined ??= tokens.slice(0, i);
      joined.push(changed);
      if (phrase) i += 1;
    } else if (joined) {
      joined.push(token);
    }
  }
  return joined ?? tokens;
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
// "Someone else", "anybody else", "another agent", "a different person": asking for a (new) person.
for (const who of ['someone', 'somebody', 'anyone', 'anybody', 'person', 'people'])
  pairs.set(`${who} else`, 'liveperson');
for (const other of ['another', 'different']) {
  for (const noun of [
    'agent',
    'person',
    'human',
    'representative',
    'operator',
    'advisor',
    'adviser',
    'someone',
  ]) {
    pairs.set(`${other} ${noun}`, 'otherperson');
  }
}
// Callbacks: a person ringing the customer back is a person.
for (const verb of ['call', 'ring', 'phone']) {
  pairs.set(`${verb} back`, 'callback');
  pairs.set(`${verb} me`, 'callme');
}
pairs.set('get back', 'getback');

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

const chatVerbs = new Set(['talking', 'speaking', 'chatting', 'writing']);
/** "Are you *a* bot", "is this *a real* person": what comes next when the customer asks what the chat is. */
const whatYouAre = new Set([
  'a',
  'an',
  'the',
  'human',
  'liveperson',
  'bot',
  'robot',
  'ai',
  'person',
  'automated',
  'chat',
  'machine',
  'computer',
]);

/** "Am I talking to a real person?", "is this a human or a bot?": a question about the chat, not a request. */
const asksWhoIsChatting = (tokens: readonly Token[], index: number): boolean => {
  let start = clauseStart(tokens, index);
  if (fillers.has(tokens[start]?.word ?? '')) start += 1;
  const first = tokens[start]?.word;
  const second = tokens[start + 1]?.word;
  const third = tokens[start + 2]?.word ?? '';
  if (first === 'am' && second === 'i') return chatVerbs.has(third);
  if (first === 'are' && (second === 'you' || second === 'u')) return whatYouAre.has(third);
  return first === 'is' && (second === 'this' || second === 'that') && whatYouAre.has(third);
};

/** Channel words: customer service as a channel, not a person to hand over to. */
const channelNouns = new Set(['customerservice', 'support', 'team', 'staff', 'department', 'helpdesk']);
const questionOpeners = new Set(['how', 'where', 'what', 'whats', 'which', 'hw']);
/** Verbs of reaching a channel (not of talking with a person). */
const channelVerbs = new Set([
  'contact',
  'contacting',
  'reach',
  'call',
  'ring',
  'email',
  'phone',
  'find',
  'write',
]);

/** "How do I contact customer service?", "where can I reach your support team?": asking for the channel. */
const asksForChannel = (tokens: readonly Token[], index: number): boolean => {
  if (!channelNouns.has(tokens[index]?.word ?? '')) return false;
  let start = clauseStart(tokens, index);
  if (fillers.has(tokens[start]?.word ?? '')) start += 1;
  if (!questionOpeners.has(tokens[start]?.word ?? '')) return false;
  return tokens.slice(start, index).some((token) => channelVerbs.has(token.word));
};

/** "Someone else", "another agent" need a real ask: a verb of reaching, or wanting one. */
const otherPersonCues = new Set([
  ...contactVerbs,
  'want',
  'wanna',
  'need',
  'let',
  'prefer',
  'get',
  'give',
  'request',
  'like',
  'rather',
  'switch',
  'find',
  'help',
]);

/** "Adding another person to my account": a second user, not a person to talk to. */
const addsSomeone = (tokens: readonly Token[], index: number): boolean =>
  tokens
    .slice(Math.max(0, index - 2), index)
    .some((token) => /^(?:add|adding|added|invite|inviting)$/.test(token.word));

const moneyWords =
  /\b(?:money|funds?|cash|payments?|paid|pay|transfers?|transferred|sent|send|gift)\b|[£$€]/i;

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

/**
 * What a word can be to the detectors below, as bits kept in its reading: most words are none of
 * these, and a token then costs one test instead of a set lookup per detector.
 */
const roles = { strongNoun: 1, weakNoun: 2, managerNoun: 4, callback: 8, bot: 16 } as const;

const rolesOf = (token: Token): number => {
  let found = token.reading.requestRoles;
  if (found === undefined) {
    const word = token.word;
    found =
      (strongNouns.has(word) ? roles.strongNoun : 0) |
      (weakNouns.has(word) ? roles.weakNoun : 0) |
      (managerNouns.has(word) ? roles.managerNoun : 0) |
      (callbackWords.has(word) ? roles.callback : 0) |
      (botNouns.has(word) ? roles.bot : 0);
    token.reading.requestRoles = found;
  }
  return found;
};

const detect = (
  text: string,
  tokens: readonly Token[],
  nounRole: number,
  weakRole: number,
): RequestFinding => {
  const short = tokens.length <= 5;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (!token) continue;
    const role = rolesOf(token);
    const strong = (role & nounRole) !== 0;
    if (!strong && (role & weakRole) === 0) continue;
    const next = tokens[i + 1];
    const previous = tokens[i - 1];
    if (next && next.clause === token.clause && nounBreakers.has(next.word)) continue;
    if (previous && previous.clause === token.clause && nounMakers.has(previous.word)) continue;
    const other = token.word === 'otherperson';
    let cue = other
      ? findCue(tokens, i, otherPersonCues, 7, 4)
      : strong
        ? findCue(tokens, i, requestCues, 7, 3)
        : findCue(tokens, i, contactVerbs, 6, 0);
    if (cue < 0 && !strong) cue = findCue(tokens, i, afterCues, 0, 4);
    const standalone = strong && !other && short && !isQuestionAboutBot(tokens, i);
    if (cue < 0 && !standalone) continue;
    if (asksWhoIsChatting(tokens, i) || asksForChannel(tokens, i)) continue;
    // "Another person" asked for, not money or a gift sent to another person.
    if (other && (moneyWords.test(text) || addsSomeone(tokens, i))) continue;
    if (cue >= 0 && asksWhetherNeeded(tokens, Math.min(cue, i))) continue;
    const negation = { window: 7, passThrough: requestPassThrough };
    if (isNegated(tokens, i, negation) || (cue >= 0 && isNegated(tokens, Math.min(cue, i), negation)))
      continue;
    const from = cue >= 0 ? Math.min(cue, i) : i;
    const to = cue >= 0 ? Math.max(cue, i) : i;
    return { fired: true, evidence: quote(text, tokens, from, to) };
  }
  if (weakRole === roles.weakNoun) {
    const callback = asksForCallback(tokens);
    if (callback >= 0)
      return { fired: true, evidence: quote(text, tokens, Math.max(0, callback - 3), callback) };
    const bot = refusesBot(tokens);
    if (bot >= 0) return { fired: true, evidence: quote(text, tokens, Math.max(0, bot - 4), bot) };
  }
  return { fired: false, evidence: null };
};

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
    if ((rolesOf(token) & roles.bot) === 0) continue;
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

const callbackWords = new Set(['callback', 'callme', 'getback']);
const callbackAskers = new Set([
  'can',
  'could',
  'please',
  'pls',
  'plz',
  'someone',
  'somebody',
  'liveperson',
  'you',
]);

/** Who can be asked to call: the company or a person there, not the customer ("can I call back later"). */
const callers = new Set([
  'you',
  'u',
  'someone',
  'somebody',
  'anyone',
  'anybody',
  'liveperson',
  'agent',
  'representative',
]);
/** Before the noun "callback": asking for one. */
const callbackRequests = new Set([
  'a',
  'request',
  'requesting',
  'arrange',
  'book',
  'schedule',
  'want',
  'need',
  'get',
]);

/**
 * Words that follow "call me" when it asks for a call ("call me back", "call me on my mobile", "call
 * me tomorrow about it"); any other word after it names the customer ("call me Jo", "call me by my
 * first name"), which is how to address them, not a request for a person.
 */
const callFollowers = new Set([
  'back',
  'on',
  'at',
  'about',
  'regarding',
  're',
  'asap',
  'now',
  'today',
  'tonight',
  'tomorrow',
  'later',
  'soon',
  'please',
  'pls',
  'plz',
  'when',
  'whenever',
  'if',
  'once',
  'as',
  'so',
  'to',
  'and',
  'or',
  'but',
  'in',
  'this',
  'before',
  'after',
  'urgently',
  'immediately',
  'quickly',
  'directly',
  'instead',
  'again',
  'up',
  'right',
  'between',
  'within',
  'sometime',
  'anytime',
  'any',
  'my',
  'thanks',
  'thank',
  'ok',
  'okay',
  'pronto',
  'straight',
  'first',
  'next',
  'personally',
]);

/** Whether "call me" at `index` is followed by a name ("call me Jo") rather than by how or when to call. */
const namesTheCustomer = (tokens: readonly Token[], index: number): boolean => {
  const next = tokens[index + 1];
  if (!next || next.clause !== tokens[index]?.clause) return false;
  if (/^\d/.test(next.word)) return false;
  return !callFollowers.has(next.word);
};

/** "Can someone call me back?", "I'd like a callback", "please ring me": a person is asked to call. */
const asksForCallback = (tokens: readonly Token[]): number => {
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (!token || (rolesOf(token) & roles.callback) === 0) continue;
    const before = tokens.slice(Math.max(0, i - 5), i).filter((other) => other.clause === token.clause);
    const next = tokens[i + 1]?.word;
    let asked = false;
    if (token.word === 'callme') {
      // "Call me a taxi" and "call me Jo" are not callbacks; "can you call me", "please ring me" are.
      asked =
        next !== 'a' &&
        next !== 'an' &&
        !namesTheCustomer(tokens, i) &&
        before.some((other) => callbackAskers.has(other.word));
    } else if (token.word === 'getback') {
      asked =
        next === 'to' && tokens[i + 2]?.word === 'me' && before.some((other) => callers.has(other.word));
    } else {
      const previous = tokens[i - 1]?.word ?? '';
      asked = callbackRequests.has(previous) || before.some((other) => callers.has(other.word));
    }
    if (!asked) continue;
    if (isNegated(tokens, i, { window: 6, passThrough: requestPassThrough })) continue;
    if (asksWhetherNeeded(tokens, i)) continue;
    return i;
  }
  return -1;
};

/**
 * Tokens with misspellings mapped to keywords and phrases ("real person") joined; share between the
 * two detectors. A caller that already tokenised the text passes its tokens instead of tokenising again.
 */
export const requestTokens = (text: string, tokens: readonly Token[] = tokenize(text)): readonly Token[] =>
  joinPhrases(tokens);

/** Detects an explicit request to talk to a person, tolerant of typos and respectful of negation. */
export const detectHumanRequest = (text: string, tokens = requestTokens(text)): RequestFinding =>
  detect(text, tokens, roles.strongNoun, roles.weakNoun);

/** Detects a request for a manager or supervisor. */
export const detectManagerRequest = (text: string, tokens = requestTokens(text)): RequestFinding =>
  detect(text, tokens, roles.managerNoun, 0);
