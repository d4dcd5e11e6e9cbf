import { describe, expect, it } from 'vitest';
import type { TurnInput } from '../../app/turn-engine.ts';
import type { WorkspaceTriage } from '../../app/workspace-triage.ts';
import type { Customer } from '../../core/model.ts';
import { aConversation } from '../../core/model-fixtures.ts';
import type { TranscriptLine } from '../../core/ports/answerer.ts';
import { type CategoryModel, defaultPolicy } from '../../core/triage/index.ts';
import { answeringWith, fixedCategoryModel } from '../../core/triage/triage-fakes.ts';
import { createTriageTurnEngine } from './triage-turn-engine.ts';

const now = new Date('2026-11-24T11:00:00Z');
const customer = (text: string): TranscriptLine => ({ role: 'customer', text });
const ai = (text: string): TranscriptLine => ({ role: 'ai', text });

/** Records the texts a model reads as single asks (without earlier turns). */
const countingModel = () => {
  const model = fixedCategoryModel('shipping', 0.9);
  const asks: string[] = [];
  const counting: CategoryModel = {
    classify: (text, earlierCustomerTurns) => {
      if (earlierCustomerTurns === undefined) asks.push(text);
      return model.classify(text, earlierCustomerTurns);
    },
  };
  return { model: counting, asks };
};

const workspaceTriage = (categoryModel: CategoryModel): WorkspaceTriage => ({
  policy: defaultPolicy(),
  policyVersion: 1,
  policyLabel: 'default',
  categoryModel,
  templates: undefined,
  calibration: {},
});

const conversation = aConversation({
  id: 'conversation-1',
  workspaceId: 'workspace-1',
  customerId: 'customer-1',
});

const visitor: Customer = {
  id: 'customer-1',
  workspaceId: 'workspace-1',
  externalId: null,
  name: null,
  email: null,
  profile: {},
  createdAt: now,
};

const turnOf = (transcript: readonly TranscriptLine[]): TurnInput => ({
  conversation,
  customer: visitor,
  transcript,
  now,
  earlierConversations: [],
  queueOf: async () => ({ waitingAhead: 0, agentsOnShift: 2, concurrency: 2, recentHandleMinutes: 6 }),
});

const transcript = [
  customer('where is my order 10423'),
  ai('It left our warehouse yesterday.'),
  customer('when will the parcel get here'),
  ai('Within 2 working days.'),
  customer('I asked already: where is order 10423?'),
];
const turns = [transcript.slice(0, 1), transcript.slice(0, 3), transcript];

describe('the triage turn engine', () => {
  it('reads each customer message of a conversation once across its turns', async () => {
    const { model, asks } = countingModel();
    const engine = createTriageTurnEngine({
      triage: async () => workspaceTriage(model),
      answerer: answeringWith(0.9),
      integrations: [],
      secrets: {},
    });
    const readPerTurn: number[] = [];
    for (const messages of turns) {
      const before = asks.length;
      await engine.run(turnOf(messages));
      readPerTurn.push(asks.length - before);
    }
    // The first turn has no earlier answered ask to compare; after that, only the new message.
    expect(readPerTurn).toEqual([0, 2, 1]);
  });

  it('decides each turn as an engine that has seen none of the conversation before', async () => {
    const { model } = countingModel();
    const deps = {
      triage: async () => workspaceTriage(model),
      answerer: answeringWith(0.9),
      integrations: [],
      secrets: {},
    };
    const engine = createTriageTurnEngine(deps);
    for (const messages of turns) {
      const remembering = await engine.run(turnOf(messages));
      expect(remembering).toStrictEqual(await createTriageTurnEngine(deps).run(turnOf(messages)));
    }
  });

  it('reads every message again once the workspace’s model is retrained', async () => {
    const first = countingModel();
    const retrained = countingModel();
    let current = first.model;
    const engine = createTriageTurnEngine({
      triage: async () => workspaceTriage(current),
      answerer: answeringWith(0.9),
      integrations: [],
      secrets: {},
    });
    for (const messages of turns.slice(0, 2)) await engine.run(turnOf(messages));
    current = retrained.model;
    await engine.run(turnOf(transcript));
    expect(retrained.asks).toEqual([
      'where is my order 10423',
      'when will the parcel get here',
      'I asked already: where is order 10423?',
    ]);
  });
});
