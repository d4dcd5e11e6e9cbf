/** The inbox says whether each team is open now, from its business hours (no hours: always open). */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COMPANY_ADMIN, type CompanyBaton, startCompanyBaton } from '../../../test/support/company-baton.ts';
import { request } from '../../../test/support/http.ts';
import { teamViewSchema } from '../../api/schemas.ts';

let company: CompanyBaton;
beforeAll(async () => {
  company = await startCompanyBaton();
});
afterAll(async () => company?.close());

type Weekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';
const weekdays: readonly Weekday[] = ['1', '2', '3', '4', '5', '6', '7'];

describe('team hours in the inbox', () => {
  it('reports a team closed outside its hours and open within them', async () => {
    // ISO weekday of today in UTC (Sunday is 7); tomorrow's only opening makes the team closed now.
    const today = weekdays[(new Date().getUTCDay() + 6) % 7] ?? '1';
    const tomorrow = weekdays[(weekdays.indexOf(today) + 1) % 7] ?? '1';
    const teamOf = async (key: string) => {
      const team = (await company.store.teams.list(company.workspace.id)).find((t) => t.key === key);
      if (!team) throw new Error(`no ${key} team`);
      return team;
    };
    const [billing, orders] = [await teamOf('billing'), await teamOf('orders')];
    await company.store.teams.upsert({
      ...billing,
      businessHours: { timeZone: 'UTC', days: { [tomorrow]: ['09:00', '17:00'] } },
    });
    await company.store.teams.upsert({
      ...orders,
      businessHours: { timeZone: 'UTC', days: { [today]: ['00:00', '23:59'] } },
    });
    const signIn = await request(company.url, 'POST', '/api/auth/sign-in', {
      body: { email: COMPANY_ADMIN.email, password: COMPANY_ADMIN.password },
    });
    const teams = await request(company.url, 'GET', '/api/inbox/teams', { token: String(signIn.body.token) });
    const listed = z.array(teamViewSchema).parse(teams.body.teams);
    const openOf = (key: string) => listed.find((t) => t.key === key)?.open;
    expect(openOf('billing')).toBe(false);
    expect(openOf('accounts')).toBe(true);
    // Open 00:00–23:59 today: open unless the test runs in the day's last minute.
    if (new Date().getUTCHours() * 60 + new Date().getUTCMinutes() < 23 * 60 + 59) {
      expect(openOf('orders')).toBe(true);
    }
  });
});
