/** The handoff wording Baton ships with. Ops can override any part per workspace and per team. */
import type { HandoffTemplates } from './templates.ts';

export const defaultHandoffTemplates: HandoffTemplates = {
  message: [
    'You asked: “{question}”',
    '{lookups} {articles} {reasons}',
    'I’m passing this to the {team} team. {expectation} They’ll see this whole conversation, so you won’t have to repeat yourself.',
  ].join('\n\n'),
  reasons: {
    human_requested: 'You asked to talk to a person, so a person will take it from here.',
    manager_requested: 'You asked for a manager, so I’ve marked this for a senior person on the {team} team.',
    legal_threat: 'Because this may become a legal matter, it needs a person to handle it.',
    urgent: 'You said this is urgent, so it needs a person who can act on it right away.',
    negative_sentiment:
      'I can tell this hasn’t gone well so far, and it needs a person who can sort it out properly.',
    frustration: 'I haven’t been able to fix this for you, and I’m sorry it has been frustrating.',
    distress: 'This sounds really hard, and it needs a person helping you, not an automated answer.',
    repeated_ask:
      'You’ve had to ask more than once and I haven’t been able to solve it, so this needs {need}.',
    high_risk_category: 'This needs {need}, which only our team can do.',
    amount_over_limit: 'The amount involved is more than I’m allowed to decide on, so this needs {need}.',
    low_confidence: 'I wasn’t sure enough of the answer, so this needs {need}.',
    no_answer: 'I couldn’t find the answer in our help articles, so this needs {need}.',
    max_ai_turns: 'We’ve gone back and forth several times without solving it, so this needs {need}.',
    ai_unavailable:
      'I can’t answer properly right now because of a problem on our side, so I’m passing you to a person straight away.',
    agent_requested_by_rule: 'Our team handles questions like this personally, so this needs {need}.',
  },
  wait: {
    estimate: 'The current wait is {wait}.',
    immediate: 'Someone should be with you in under a minute.',
    closed:
      'The team is offline right now and back {backAt}; your conversation stays in their queue until then.',
    unstaffed:
      'Nobody is online right now, so I can’t give a wait time; the first person back will pick this up.',
    unknown: 'I can’t give you a reliable wait time right now, but your conversation is in their queue.',
  },
  needs: {
    default: 'a person to look at it',
    billing: 'a billing investigation',
    refund: 'a refund decision from a person',
    payment_dispute: 'someone to look into the disputed payment',
    fraud: 'a security check by a person',
    account_closure: 'someone to close the account safely with you',
    account_access: 'an identity check by a person',
    legal: 'review by a person',
    compliance_privacy: 'a privacy request handled by a person',
    order_status: 'a person to look at your order',
    shipping: 'a person to look at your delivery',
    complaint: 'a person to put this right',
  },
  teams: {
    billing: {
      message: [
        'You asked: “{question}”',
        '{lookups} {articles} {reasons}',
        // No "account details above": a billing question may be handed over before anything was looked up.
        'I’m passing this to the {team} team, who can see your invoices and payments. {expectation} They’ll see this whole conversation, so you won’t have to repeat yourself.',
      ].join('\n\n'),
    },
  },
};
