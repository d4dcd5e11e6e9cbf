/**
 * A minimal turn engine used until the triage engine is wired in: hand over on an explicit
 * request for a person or when the knowledge base has no answer; otherwise answer.
 */
import type { TurnEngine } from '../../app/turn-engine.ts';
import type { Answerer } from '../../core/ports/answerer.ts';

const HUMAN_REQUEST = /\b(human|real person|agent|someone|somebody|representative|person)\b/i;

export const createInterimTurnEngine = (answerer: Answerer, defaultTeamKey: string): TurnEngine => ({
  async run(input) {
    const question = input.transcript[input.transcript.length - 1]?.text ?? '';
    const earlier = input.transcript.slice(0, -1);
    const wantsPerson = HUMAN_REQUEST.test(question) && /\b(talk|speak|chat|want|need|get)\b/i.test(question);
    const draft = wantsPerson
      ? null
      : await answerer.draft({ question, transcript: earlier, category: null });
    if (draft?.kind === 'answer') {
      return {
        kind: 'answer',
        text: draft.text,
        citations: draft.citations,
        category: null,
        trace: { draft },
      };
    }
    const reasons = wantsPerson
      ? [{ code: 'human_requested', evidence: question }]
      : [{ code: 'no_answer', evidence: draft?.reason ?? 'no article answers this' }];
    const queue = await input.queueOf(defaultTeamKey);
    return {
      kind: 'escalate',
      teamKey: defaultTeamKey,
      priority: 1,
      category: null,
      reasons,
      message: `You asked: "${question}". ${wantsPerson ? 'You asked for a person' : 'Our help articles do not cover this'}, so I've passed you to our team; ${queue.waiting} ahead of you. You won't have to repeat yourself.`,
      waitMinutes: null,
      packet: { question, reasons },
      trace: { reasons },
    };
  },
});
