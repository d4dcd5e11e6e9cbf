import { describe, expect, it } from 'vitest';
import { loadPolicy } from './policy/index.ts';
import { triageConversation } from './triage-conversation.ts';
import { answeringWith, fixedCategoryModel } from './triage-fakes.ts';

const saturday = new Date('2026-11-28T11:00:00Z');
const policy = loadPolicy(`
version: templates-1
defaultCategory: other
defaultTeam: desk
teams:
  desk:
    name: Help desk
    businessHours: { timeZone: Europe/London, days: { "1": ["09:00", "17:00"] } }
    outOfHoursMessage: Our help desk works Mondays only.
categories:
  other: { team: desk, threshold: 0.5 }
`);

const handoffMessage = async (templates?: Parameters<typeof triageConversation>[0]['templates']) => {
  const result = await triageConversation({
    policy,
    categoryModel: fixedCategoryModel('other', 0.9),
    answerer: answeringWith(0.9),
    messages: [{ role: 'customer', text: 'can I talk to a human please' }],
    queue: { waiting: 0, agentsAvailable: 0, avgHandleMinutes: 5 },
    now: saturday,
    ...(templates ? { templates } : {}),
  });
  return result.handoff?.message ?? '';
};

describe('handoff templates in triage', () => {
  it('words the handoff with the ops override and still tells the team’s out-of-hours message', async () => {
    const shipped = await handoffMessage();
    expect(shipped).toContain('Our help desk works Mondays only.');
    expect(shipped).not.toContain('A real person will read this');

    const overridden = await handoffMessage({
      reasons: { human_requested: 'You asked for a person. A real person will read this.' },
      teams: { desk: { wait: { closed: 'ignored: the policy’s own out-of-hours message wins' } } },
    });
    expect(overridden).toContain('A real person will read this.');
    expect(overridden).toContain('Our help desk works Mondays only.');
    expect(overridden).not.toContain('ignored');
    // The override with the out-of-hours message is made once per ops override: the two stay apart.
    expect(await handoffMessage()).toBe(shipped);
  });
});
