/**
 * Whether a team an admin writes fits the workspace (issue 10): its categories are the policy's,
 * and no category is owned by two teams (a handoff must land in one queue); its hours name a time
 * zone the platform knows, opening before closing; holidays are real dates.
 */
import type { BusinessHours, Team } from '../model.ts';
import { isValidTimeZone } from '../wait/business-hours.ts';

export interface TeamEdit {
  readonly key: string;
  readonly name: string;
  readonly categories: readonly string[];
  readonly businessHours: BusinessHours | null;
}

const clock = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

const isRealDate = (text: string): boolean => {
  const match = isoDate.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

const hoursProblems = (hours: BusinessHours): string[] => {
  const problems: string[] = [];
  if (!isValidTimeZone(hours.timeZone)) {
    problems.push(
      `"${hours.timeZone}" is not a time zone; use a name such as Europe/Berlin or America/New_York.`,
    );
  }
  for (const [day, window] of Object.entries(hours.days)) {
    if (!window) continue;
    const [open, close] = window;
    if (!clock.test(open) || !clock.test(close)) {
      problems.push(`Day ${day}: write the hours as HH:MM, e.g. 09:00 to 17:00.`);
    } else if (close <= open) {
      problems.push(`Day ${day}: closing (${close}) must be after opening (${open}).`);
    }
  }
  const badDates = (hours.holidays ?? []).filter((date) => !isRealDate(date));
  if (badDates.length > 0)
    problems.push(`Holidays ${badDates.join(', ')} are not dates; write them as YYYY-MM-DD.`);
  return problems;
};

/** Every problem of `edit` at once, each saying what to change; empty when the team may be saved. */
export const teamEditProblems = (
  edit: TeamEdit,
  context: { readonly policyCategories: readonly string[]; readonly teams: readonly Team[] },
): string[] => {
  const problems: string[] = [];
  const unknown = edit.categories.filter((category) => !context.policyCategories.includes(category));
  if (unknown.length > 0) {
    problems.push(
      `The policy has no category ${unknown.join(', ')}; use one of: ${context.policyCategories.join(', ')}.`,
    );
  }
  for (const category of edit.categories) {
    const owner = context.teams.find((team) => team.key !== edit.key && team.categories.includes(category));
    if (owner) {
      problems.push(`${owner.name} (${owner.key}) owns ${category} already; take it from that team first.`);
    }
  }
  if (edit.businessHours) problems.push(...hoursProblems(edit.businessHours));
  return problems;
};
