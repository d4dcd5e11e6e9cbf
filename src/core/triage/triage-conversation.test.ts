import { describe, expect, it } from 'vitest';
import type { Answerer } from '../ports/answerer.ts';
import { type CategoryModel, defaultCategoryDefinitions, trainCategoryModel } from './category/index.ts';
import { defaultPolicy, loadPolicy } from './policy/index.ts';
import { triageConversation } from './triage-conversation.ts';
import { answeringNothing, answeringWith, failingAnswerer, fixedCategoryModel } from './triage-fakes.ts';

const now = new Date('2026-11-24T11:00:00Z'); // a Tuesday, every default team open
const customer = (text: string) => ({ role: 'customer' as const, text });
const ai = (text: string) => ({ role: 'ai' as const, text });

const triage = (
  messages: readonly { role: 'customer' | 'ai' | 'agent'; text: string }[],
  options: {
    model?: CategoryModel;
    answerer?: Answerer;
    policy?: ReturnType<typeof defaultPolicy>;
    plan?: string;
  } = {},
) =>
  triageConversation({
    policy: options.policy ?? defaultPolicy(),
    categoryModel: options.model ?? fixedCategoryModel('shipping', 0.9),
    answerer: options.answerer ?? answeringWith(0.9),
    messages,
    customer: options.plan ? { name: 'Ana', plan: options.plan } : null,
    queue: { waiting: 3, agentsAvailable: 2, avgHandleMinutes: 6 },
    now,
  });

const codes = async (result: ReturnType<typeof triage>) =>
  (await result).reasons.map((reason) => reason.code);

describe('triageConversation', () => {
  it('answers a plain in-domain question with a confident grounded draft', async () => {
    const result = await triage([customer('How long does shipping take?')]);
    expect(result).toMatchObject({
      action: 'answer',
      reasons: [],
      team: 'orders',
      answer: 'Orders ship within 2 working days.',
    });
    expect(result.handoff).toBeUndefined();
  });

  it.each([
    ['human_requested', [customer('let me talk to a real person')]],
    ['manager_requested', [customer('get me your supervisor now')]],
    ['legal_threat', [customer('my solicitor will be in touch about this parcel')]],
    ['distress', [customer('my mother passed away and I need to close her order')]],
    ['frustration', [customer('this is ridiculous, useless bot!!')]],
    ['negative_sentiment', [customer('terrible awful horrible disgusting service')]],
  ])('escalates with %s when the signal fires', async (code, messages) => {
    expect(await codes(triage(messages))).toContain(code);
  });

  it('escalates with repeated_ask on the customer’s third try', async () => {
    const messages = [
      customer('when will my parcel arrive'),
      ai('Standard delivery takes 3 to 5 working days.'),
      customer('ok but when will my parcel arrive'),
      ai('Within 5 working days.'),
      customer('WHEN will my parcel arrive'),
    ];
    expect(await codes(triage(messages))).toContain('repeated_ask');
  });

  it('escalates the third ask in different words with repeated_ask, naming the earlier asks', async () => {
    const model = trainCategoryModel({ categories: defaultCategoryDefinitions(), articles: [] });
    const messages = [
      customer('how do I cancel Acme Plus'),
      ai('Go to Account › Acme Plus and select Cancel membership.'),
      customer('I want to stop my membership, how'),
      ai('You can cancel from Account › Acme Plus at any time.'),
      customer('please just end my plus subscription'),
    ];
    const result = await triage(messages, { model });
    const reason = result.reasons.find((item) => item.code === 'repeated_ask');
    expect(result.action).toBe('escalate');
    expect(result.signals.repeated_ask).toBe(2);
    expect(reason?.evidence).toContain('how do I cancel Acme Plus');
    expect(reason?.evidence).toContain('I want to stop my membership, how');
  });

  it('escalates with max_ai_turns once the AI has answered the limit', async () => {
    const messages = Array.from({ length: 6 }, (_, index) => [
      customer(`question number ${index}`),
      ai('answer'),
    ]).flat();
    expect(await codes(triage([...messages, customer('and one more thing about delivery')]))).toContain(
      'max_ai_turns',
    );
  });

  it('raises urgent as a priority reason alongside the reason that hands over', async () => {
    const plain = await triage([customer('I want to speak to a human')]);
    const urgent = await triage([customer('I want to speak to a human, this is urgent')]);
    expect(urgent.reasons.map((reason) => reason.code)).toEqual(['human_requested', 'urgent']);
    expect(urgent.priority).toBeGreaterThan(plain.priority);
  });

  it('raises priority for a customer on a plan the policy values more', async () => {
    const standard = await triage([customer('I want to speak to a human')], { plan: 'basic' });
    const valued = await triage([customer('I want to speak to a human')], { plan: 'business' });
    expect(valued.priority).toBe(standard.priority + (defaultPolicy().priority.plans.business ?? 0));
    expect(valued.priority).toBeGreaterThan(standard.priority);
  });

  it('lets urgency alone raise priority without handing over', async () => {
    const result = await triage([customer('how long does delivery take, it is urgent')]);
    expect(result.action).toBe('answer');
    expect(result.priority).toBeGreaterThan(defaultPolicy().priority.base);
  });

  it('hands over an urgent message when the customer is upset, or the category is high-risk', async () => {
    const upset = await triage([customer('this is urgent, my parcel is late and I am furious and angry')]);
    expect(upset.action).toBe('escalate');
    expect(upset.reasons.map((reason) => reason.code)).toContain('urgent');
    const risky = await triage([customer('urgent, I need this looked at')], {
      model: fixedCategoryModel('fraud', 0.1),
    });
    expect(risky.reasons.find((reason) => reason.code === 'urgent')?.evidence).toContain('high-risk');
  });

  it('keeps urgency to priority when the policy switches the escalations off', async () => {
    const policy = loadPolicy(
      JSON.stringify({
        ...defaultPolicy(),
        triggers: {
          ...defaultPolicy().triggers,
          urgent: { action: 'priority', escalateWhenHighRisk: false, escalateBelowSentiment: null },
          negativeSentiment: { action: 'priority', below: -0.75, fallingOver: 3 },
          frustration: { action: 'priority', minScore: 1.5 },
        },
      }),
    );
    const result = await triage([customer('this is urgent, my parcel is late and I am furious and angry')], {
      policy,
    });
    expect(result.action).toBe('answer');
  });

  it('escalates a high-risk category whatever the answer confidence', async () => {
    const result = await triage([customer('please close my account for good')], {
      model: fixedCategoryModel('account_closure', 0.8),
    });
    expect(result.reasons.map((reason) => reason.code)).toEqual(['high_risk_category']);
    expect(result.team).toBe('accounts');
  });

  it('escalates when a high-risk category scores above the floor even if not on top', async () => {
    const model = fixedCategoryModel('billing', 0.5, [{ category: 'fraud', score: 0.4 }]);
    expect(await codes(triage([customer('a charge I do not recognise')], { model }))).toContain(
      'high_risk_category',
    );
  });

  it('escalates with amount_over_limit above the category limit', async () => {
    const model = fixedCategoryModel('payment_dispute', 0.9);
    const result = await triage([customer('you charged me $250 for nothing')], { model });
    expect(result.reasons.map((reason) => reason.code)).toContain('amount_over_limit');
    expect(result.reasons.find((reason) => reason.code === 'amount_over_limit')?.evidence).toContain('$250');
  });

  it('escalates with low_confidence below the category threshold', async () => {
    const result = await triage([customer('how do refunds work for gifts')], {
      model: fixedCategoryModel('refund', 0.9),
      answerer: answeringWith(0.4),
    });
    expect(result.reasons.map((reason) => reason.code)).toEqual(['low_confidence']);
    expect(result.handoff?.packet).toBeDefined();
  });

  it('escalates with low_confidence when the category model finds the message foreign to the business', async () => {
    const result = await triage([customer('what is the best mortgage rate for a second home loan')], {
      model: fixedCategoryModel('product_question', 0.05),
      answerer: answeringWith(0.95),
    });
    expect(result.reasons).toEqual([
      { code: 'low_confidence', evidence: expect.stringMatching(/category confidence 0.05/) },
    ]);
  });

  it('replies to thanks with the closing reply, asking no model, instead of handing it over', async () => {
    let asked = 0;
    const counting: Answerer = {
      draft: async (request) => {
        asked += 1;
        return answeringNothing().draft(request);
      },
    };
    const thanks = await triage(
      [customer('How long does shipping take?'), ai('3–5 days.'), customer('Great, thank you!')],
      {
        answerer: counting,
      },
    );
    expect(thanks).toMatchObject({ action: 'answer', reasons: [], answer: defaultPolicy().closing.reply });
    expect(thanks.trace.closingRemark).toBe(true);
    expect(asked).toBe(0);
    // Thanks said with a request is the request.
    const request = await triage([customer('thank you, can I speak to a human now')], { answerer: counting });
    expect(request.action).toBe('escalate');
    expect(request.reasons.map((reason) => reason.code)).toContain('human_requested');
    expect(request.trace.closingRemark).toBe(false);
  });

  it('escalates with no_answer when the knowledge base has nothing', async () => {
    expect(
      await codes(
        triage([customer('do you sell garden furniture in Norway')], { answerer: answeringNothing() }),
      ),
    ).toEqual(['no_answer']);
  });

  it('escalates with ai_unavailable when the answerer throws, with the error as evidence', async () => {
    const result = await triage([customer('where is my order')], { answerer: failingAnswerer() });
    expect(result.reasons).toEqual([{ code: 'ai_unavailable', evidence: 'provider timed out after 10 s' }]);
    expect(result.handoff?.message).toBeTruthy();
  });

  it('escalates with agent_requested_by_rule when a custom rule matches, routed to its team', async () => {
    const policy = loadPolicy(`
version: rules-1
defaultCategory: other
defaultTeam: support
teams: { support: { name: Support }, vip: { name: VIP desk } }
categories:
  other: { team: support, threshold: 0.5 }
  shipping: { team: support, threshold: 0.3 }
rules:
  - { id: vip_customers, description: Business plan goes to the VIP desk, when: { customerPlans: [business] }, team: vip }
`);
    const result = await triage([customer('how long does shipping take')], { policy, plan: 'business' });
    expect(result).toMatchObject({ action: 'escalate', team: 'vip', policyVersion: 'rules-1' });
    expect(result.reasons[0]?.code).toBe('agent_requested_by_rule');
    expect((await triage([customer('how long does shipping take')], { policy, plan: 'basic' })).action).toBe(
      'answer',
    );
  });

  it('asks one short question when the category is unclear on a vague message', async () => {
    const result = await triage([customer('hi, question')], {
      model: fixedCategoryModel('other', 0.2),
      answerer: answeringNothing(),
    });
    expect(result).toMatchObject({
      action: 'clarify',
      reasons: [],
      answer: defaultPolicy().clarify.question,
    });
    expect(result.handoff).toBeUndefined();
  });

  it('does not ask the same clarifying question twice', async () => {
    const question = defaultPolicy().clarify.question;
    const result = await triage([customer('hi'), ai(question), customer('stuff')], {
      model: fixedCategoryModel('other', 0.2),
      answerer: answeringNothing(),
    });
    expect(result.action).toBe('escalate');
  });

  it('hands over instead of asking when a vague message might be a high-risk matter', async () => {
    const model = fixedCategoryModel('other', 0.3, [{ category: 'fraud', score: 0.17 }]);
    const result = await triage([customer('card thing')], { model, answerer: answeringNothing() });
    expect(result.action).toBe('escalate');
    // The policy hands over before any answer, so no answer reason joins the risk.
    expect(result.reasons.map((r) => r.code)).toEqual(['high_risk_category']);
    expect(result.trace.retrieval.kind).toBe('not_attempted');
    expect(result.team).toBe(defaultPolicy().categories.fraud?.team);
  });

  it('never clarifies when something forces a handoff', async () => {
    const result = await triage([customer('agent!!')], { model: fixedCategoryModel('other', 0.1) });
    expect(result.action).toBe('escalate');
  });

  it('produces a JSON-serialisable result with a trace an agent can read', async () => {
    const result = await triage([customer('I want a human, you charged me €300 twice')], {
      model: fixedCategoryModel('payment_dispute', 0.8),
    });
    const copy = JSON.parse(JSON.stringify(result));
    expect(copy).toEqual(result);
    expect(result.trace.policyVersion).toBe(defaultPolicy().version);
    expect(result.trace.thresholds.amountLimit).toBe(defaultPolicy().categories.payment_dispute?.amountLimit);
    expect(result.trace.why.join('\n')).toMatch(/human_requested/);
    expect(result.trace.signals.evidence.amount).toBe('€300');
    expect(result.trace.retrieval.kind).toBe('not_attempted');
    expect(result.handoff?.message).toContain('I want a human');
  });
});
