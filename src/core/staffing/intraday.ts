import type { StaffingPlanInput } from './plan-input.ts';

export const hoursPerWeek = 168;

/** Whether hour h of the week (Monday 00:00 = 0) falls inside opening hours. */
export const isOpen = (openingHours: StaffingPlanInput['openingHours'], hour: number): boolean => {
  const day = openingHours[Math.floor(hour / 24)];
  const hourOfDay = hour % 24;
  return day !== null && day !== undefined && hourOfDay >= day[0] && hourOfDay < day[1];
};

/**
 * Share of the week's volume arriving in each of the 168 hours. Demand that the profile puts in
 * closed hours is spread over the open hours in proportion (customers come back when the team is
 * open, or the AI holds them); if the profile gives the open hours nothing at all, they share evenly.
 */
export const weeklyShares = (
  input: Pick<StaffingPlanInput, 'intraday' | 'openingHours'>,
): readonly number[] => {
  const profile = input.intraday;
  const raw = Array.from({ length: hoursPerWeek }, (_, h) => {
    if (profile.kind === 'flat') return 1;
    if (profile.kind === 'hourly') return profile.shares[h] ?? 0;
    return (profile.dayShares[Math.floor(h / 24)] ?? 0) * (profile.hourShares[h % 24] ?? 0);
  });
  const open = raw.map((weight, h) => (isOpen(input.openingHours, h) ? weight : 0));
  const total = open.reduce((sum, w) => sum + w, 0);
  if (total > 0) return open.map((w) => w / total);
  const openHours = open.filter((_, h) => isOpen(input.openingHours, h)).length;
  return open.map((_, h) => (isOpen(input.openingHours, h) ? 1 / openHours : 0));
};
