/**
 * Cheap, deterministic variants of the written example phrasings: the same request wrapped in
 * the filler customers put around it, and with one typo. Every category gets the same wrappers,
 * so the model learns that "hi, could you help me" says nothing about the topic, and the typo
 * variants teach the character n-grams to forgive slips of the keyboard.
 */
const wrappers: readonly ((text: string) => string)[] = [
  (text) => `hi, ${text}`,
  (text) => `${text} please`,
  (text) => `can you help me? ${text}`,
  (text) => `hello i need help. ${text}`,
  (text) => `${text}, thanks`,
  (text) => `quick question: ${text}`,
  (text) => `i would like some assistance, ${text}`,
  (text) => `${text}. can someone help`,
  (text) => `good morning, ${text}`,
  (text) => `i have an issue, ${text}`,
];

function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Drops or swaps one letter of the longest word: the commonest kinds of typing slip. */
function withTypo(text: string, hash: number): string | undefined {
  const words = text.split(' ');
  let longest = -1;
  for (let i = 0; i < words.length; i++) {
    if (
      (words[i]?.length ?? 0) >= 5 &&
      (longest < 0 || (words[i]?.length ?? 0) > (words[longest]?.length ?? 0))
    ) {
      longest = i;
    }
  }
  const word = words[longest];
  if (word === undefined) return undefined;
  const at = 1 + (hash % (word.length - 2));
  const changed =
    hash % 2 === 0
      ? word.slice(0, at) + word.slice(at + 1)
      : word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
  words[longest] = changed;
  return words.join(' ');
}

/** One wrapped variant and (for longer phrasings) one typo variant of an example phrasing. */
export function exampleVariants(example: string): readonly string[] {
  const hash = hashOf(example);
  const wrap = wrappers[hash % wrappers.length];
  const variants = wrap === undefined ? [] : [wrap(example)];
  const typo = withTypo(example, hash >>> 8);
  if (typo !== undefined && typo !== example) variants.push(typo);
  return variants;
}
