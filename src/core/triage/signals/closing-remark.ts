/**
 * Whether a customer message only closes the conversation — thanks, an acknowledgement, a goodbye —
 * and asks for nothing: "great, thank you!", "perfect, that's all, bye", "no thanks". Such a message
 * needs a polite reply, not an answer from the knowledge base and not a person. It must carry a
 * thanks or goodbye (a bare "ok" or "yes" may answer a question) and no word outside this small
 * vocabulary, so "thanks for nothing", "great, another delay" or "thanks, but where is my refund"
 * are not closing remarks.
 */

/** Words that make a message a closing remark. */
const cues = new Set(
  (
    'thanks thank thankyou thanx thx ty cheers ta bye goodbye byebye appreciate appreciated grateful ' +
    'perfect brilliant lovely awesome excellent fantastic wonderful sorted helpful'
  ).split(' '),
);

/** Words a closing remark may hold beside its cues. */
const filler = new Set(
  (
    'great good nice cool fine ok okay k kk alright right sure yes yeah yep no nope got it understood noted ' +
    'that thats is was this all for everything the your you u very so much lot lots a many million ' +
    'help helped helps needed again have day evening weekend night see later soon will do done then i we me ' +
    'really super just and oh ah amazing now'
  ).split(' '),
);

export const isClosingRemark = (text: string): boolean => {
  const words = text
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z]+/)
    .filter((word) => word.length > 0);
  if (words.length === 0 || words.length > 12) return false;
  let cued = false;
  for (const word of words) {
    if (cues.has(word)) cued = true;
    else if (!filler.has(word)) return false;
  }
  return cued;
};
