import { describe, expect, it } from 'vitest';
import { defaultHandoffTemplates } from './default-templates.ts';
import { lintHandoffMessage, lintHandoffTemplate } from './lint-handoff.ts';
import { lintTemplateSet } from './lint-template-set.ts';
import { resolveTemplates } from './templates.ts';

const good =
  'You asked: “why was I charged twice?” I checked your payments (Last payment: $20). This needs a billing investigation. ' +
  'I’m passing this to the Billing team; the current wait is about 5 minutes. You won’t have to repeat yourself.';

describe('lintHandoffMessage', () => {
  it('fails a bare "please wait" and names all three missing parts', () => {
    const result = lintHandoffMessage('Please wait, an agent will be with you shortly.');
    expect(result.ok).toBe(false);
    expect(result.missing).toEqual(['acknowledgement', 'context', 'expectations']);
  });

  it('passes a message with the question, the context and the expectations', () => {
    expect(lintHandoffMessage(good)).toEqual({ ok: true, missing: [], notes: [] });
  });

  it('names only the part that is missing', () => {
    expect(lintHandoffMessage(good.replace('You asked: “why was I charged twice?” ', '')).missing).toEqual([
      'acknowledgement',
    ]);
    expect(lintHandoffMessage(good.replace(/I checked.*investigation\. /, '')).missing).toEqual(['context']);
    const noPromise = lintHandoffMessage(good.replace(' You won’t have to repeat yourself.', ''));
    expect(noPromise.missing).toEqual(['expectations']);
    expect(noPromise.notes.join(' ')).toContain('repeat');
  });

  it('does not take "shortly" as a wait estimate', () => {
    const result = lintHandoffMessage(
      good.replace('the current wait is about 5 minutes', 'someone will be with you shortly'),
    );
    expect(result.missing).toEqual(['expectations']);
  });

  it('accepts when the team is back instead of a wait', () => {
    const closed = good.replace('the current wait is about 5 minutes', 'they are back on Monday at 09:00');
    expect(lintHandoffMessage(closed).ok).toBe(true);
  });
});

describe('lintHandoffTemplate', () => {
  it('passes the shipped message layouts', () => {
    expect(lintHandoffTemplate(defaultHandoffTemplates.message).ok).toBe(true);
    for (const team of Object.values(defaultHandoffTemplates.teams)) {
      if (team.message) expect(lintHandoffTemplate(team.message).ok).toBe(true);
    }
  });

  it('names the parts whose placeholders are missing and flags unknown placeholders', () => {
    const result = lintHandoffTemplate('Hello {name}, please wait for the {team} team.');
    expect(result.missing).toEqual(['acknowledgement', 'context', 'expectations']);
    expect(result.notes).toContain('unknown placeholder {name} will be left empty');
  });
});

describe('lintTemplateSet', () => {
  it.each(['support', ...Object.keys(defaultHandoffTemplates.teams)])(
    'finds no problem in the shipped templates for team %s, for every reason and wait',
    (team) => {
      expect(lintTemplateSet(resolveTemplates(defaultHandoffTemplates, undefined, team))).toEqual([]);
    },
  );

  it('catches a wait phrase that drops the estimate', () => {
    const edited = resolveTemplates(
      defaultHandoffTemplates,
      { wait: { estimate: 'Hang tight.' } },
      'support',
    );
    const problems = lintTemplateSet(edited);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.where.endsWith('wait estimate'))).toBe(true);
    expect(problems[0]?.result.missing).toEqual(['expectations']);
  });

  it('catches a reason sentence that gives no context', () => {
    const edited = resolveTemplates(defaultHandoffTemplates, { reasons: { urgent: 'OK!' } }, 'support');
    expect(lintTemplateSet(edited).map((problem) => problem.where)).toContain('reason urgent, wait estimate');
  });
});

describe('the no-repeat promise in its natural forms', () => {
  const withPromise = (promise: string) =>
    `You asked: “why was I charged twice?” I checked your payments. This needs a billing investigation. I’m passing this to the Billing team; the current wait is about 5 minutes. ${promise}`;

  it.each([
    'You won’t need to re-explain anything.',
    "You won't need to re-explain.",
    'There’s no need to explain it again.',
    'You don’t have to start over.',
    'They can help without you repeating yourself.',
    'You will not have to tell us again.',
    'They’ll pick up where we left off.',
    'You won’t have to repeat anything.',
  ])('accepts "%s"', (promise) => {
    expect(lintHandoffMessage(withPromise(promise))).toEqual({ ok: true, missing: [], notes: [] });
  });

  it.each(['Please re-explain the problem to them.', 'Tell us again what happened.', 'They will see it.'])(
    'does not take "%s" as the promise',
    (text) => {
      expect(lintHandoffMessage(withPromise(text)).missing).toEqual(['expectations']);
    },
  );

  it('notes a six-word phrase said twice', () => {
    const twice = `${good} This needs a billing investigation by a person. This needs a billing investigation by a person.`;
    const result = lintHandoffMessage(twice);
    expect(result.ok).toBe(true);
    expect(result.notes.join(' ')).toContain('twice');
  });
});
