/**
 * How many reviews each stratum gets: first one per category (so no category goes unseen while
 * capacity allows), then the rest in proportion to each stratum's size × its oversampling factor,
 * by largest remainder, never more than a stratum holds.
 */

export interface StratumDemand {
  readonly key: string;
  readonly category: string;
  readonly population: number;
  /** Sampling mass per member: 1 for routine, the oversampling factor for risky. */
  readonly factor: number;
  /** Preferred stratum for the category's guaranteed first review. */
  readonly preferredFirst: boolean;
}

const firstPerCategory = (
  strata: readonly StratumDemand[],
  size: number,
  given: Map<string, number>,
): number => {
  const categories = [...new Set(strata.map((stratum) => stratum.category))];
  if (size < categories.length) return size;
  for (const category of categories) {
    const own = strata.filter((stratum) => stratum.category === category && stratum.population > 0);
    const first = own.find((stratum) => stratum.preferredFirst) ?? own[0];
    if (first) given.set(first.key, 1);
  }
  return size - [...given.values()].reduce((total, count) => total + count, 0);
};

/** The sample size of every stratum; the sizes add up to min(size, total population). */
export const allocateSample = (strata: readonly StratumDemand[], size: number): Map<string, number> => {
  const given = new Map<string, number>();
  let remaining = firstPerCategory(strata, size, given);
  while (remaining > 0) {
    const open = strata.filter((stratum) => (given.get(stratum.key) ?? 0) < stratum.population);
    if (open.length === 0) break;
    const mass = open.reduce((total, stratum) => total + stratum.population * stratum.factor, 0);
    const quotas = open.map((stratum) => {
      const room = stratum.population - (given.get(stratum.key) ?? 0);
      const quota = Math.min(room, (remaining * stratum.population * stratum.factor) / mass);
      return { stratum, whole: Math.floor(quota), rest: quota - Math.floor(quota), room };
    });
    let handed = 0;
    for (const quota of quotas) {
      given.set(quota.stratum.key, (given.get(quota.stratum.key) ?? 0) + quota.whole);
      handed += quota.whole;
    }
    // Leftover reviews go to the largest remainders (ties: larger mass, then key, for determinism).
    const byRemainder = quotas
      .filter((quota) => quota.whole < quota.room)
      .sort(
        (a, b) =>
          b.rest - a.rest ||
          b.stratum.population * b.stratum.factor - a.stratum.population * a.stratum.factor ||
          (a.stratum.key < b.stratum.key ? -1 : 1),
      );
    for (const quota of byRemainder) {
      if (handed >= remaining) break;
      given.set(quota.stratum.key, (given.get(quota.stratum.key) ?? 0) + 1);
      handed += 1;
    }
    if (handed === 0) break;
    remaining -= handed;
  }
  return given;
};
