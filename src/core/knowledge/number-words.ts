/**
 * Quantities written as words, as help articles and answers write them ("fourteen days",
 * "thirty percent"): one table for the grounding check and the knowledge audit, so an answer and
 * its article read a number the same way.
 */
// No "a"/"an": "£5 a month" is a price per month, not a duration of one month.
export const numberWords: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  'forty-five': 45,
  fifty: 50,
  sixty: 60,
  ninety: 90,
  hundred: 100,
};
