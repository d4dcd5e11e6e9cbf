import { beforeAll, describe, expect, it } from 'vitest';
import {
  type CategoryDefinition,
  type CategoryModel,
  categoryModelFrom,
  defaultCategoryDefinitions,
  fitCategoryModel,
  trainCategoryModel,
} from './index.ts';

let model: CategoryModel;

beforeAll(() => {
  model = trainCategoryModel({ categories: defaultCategoryDefinitions(), articles: [] });
});

describe('the cold-start category model', () => {
  it('files a message about a double charge under payment_dispute', () => {
    expect(model.classify('I was charged twice for the same order, please fix it').category).toBe(
      'payment_dispute',
    );
  });

  it('files someone else using my card under fraud', () => {
    expect(model.classify('someone used my card to buy stuff online, it was not me').category).toBe('fraud');
  });

  it('does not read asking to speak to someone as fraud, after a question about a missing parcel', () => {
    const prediction = model.classify('this is ridiculous, can I speak to someone please', [
      'where is my latest order?',
      'it says delivered but I never got it',
    ]);
    const fraud = prediction.scores.find((score) => score.category === 'fraud')?.score ?? 0;
    expect(prediction.scores[0]?.category).not.toBe('fraud');
    expect(fraud).toBeLessThan(0.15);
  });

  it('files cancelling the Acme Plus membership under billing, not as closing the account', () => {
    const membership = model.classify('I want to cancel my acme plus');
    expect(membership.category).toBe('billing');
    expect(membership.scores.find((score) => score.category === 'account_closure')?.score ?? 0).toBeLessThan(
      0.1,
    );
    expect(model.classify('I want to cancel my account').category).toBe('account_closure');
  });

  it('files a request to close the account under account_closure', () => {
    expect(model.classify('please close my account, I do not want it anymore').category).toBe(
      'account_closure',
    );
  });

  it('gives gibberish a low confidence', () => {
    const prediction = model.classify('xqzv blorf wuggle snarp');
    expect(prediction.confidence).toBeLessThan(0.2);
  });

  it('files chit-chat under other with a low confidence', () => {
    const prediction = model.classify("what's the weather going to be like this weekend?");
    expect(prediction.category).toBe('other');
    expect(prediction.confidence).toBeLessThan(0.3);
  });

  it('is more confident about a clear support request than about small talk', () => {
    const clear = model.classify('where is my order? it has not arrived yet').confidence;
    const vague = model.classify('my cat knocked the plant over again lol').confidence;
    expect(clear).toBeGreaterThan(0.5);
    expect(vague).toBeLessThan(clear / 2);
  });

  it('gives the same fine intents when they are asked for after later classifications', () => {
    const asks = ['where is my refund', 'I was charged twice for one order', 'my parcel never came'];
    const atOnce = asks.map((text) => model.classify(text).intents);
    const readings = asks.map((text) => model.classify(text, ['hello there']));
    expect(readings.map((reading) => reading.intents)).toEqual(atOnce);
    expect(atOnce[0]?.length).toBeGreaterThan(0);
  });

  it('lists every category once, best first, with probabilities that sum to at most one', () => {
    const prediction = model.classify('how do I reset my password');
    const names = defaultCategoryDefinitions().map((category) => category.name);
    expect(prediction.scores.map((score) => score.category).sort()).toEqual([...names].sort());
    const values = prediction.scores.map((score) => score.score);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(values.reduce((sum, value) => sum + value, 0)).toBeLessThanOrEqual(1 + 1e-9);
    expect(prediction.category).toBe(prediction.scores[0]?.category);
    expect(prediction.mode).toBe('cold_start');
  });

  it('lets a short follow-up inherit the topic of the earlier customer turns', () => {
    const alone = model.classify('and how long does that take?');
    const followUp = model.classify('and how long does that take?', [
      'I sent the jacket back last week, I want my money back',
    ]);
    expect(followUp.category).toBe('refund');
    expect(followUp.scores.find((score) => score.category === 'refund')?.score ?? 0).toBeGreaterThan(
      alone.scores.find((score) => score.category === 'refund')?.score ?? 0,
    );
  });

  it('keeps a long new message on its own topic despite the earlier turns', () => {
    const prediction = model.classify(
      'Separately, I forgot my password and the reset email never arrives in my inbox',
      ['where is my parcel'],
    );
    expect(prediction.category).toBe('account_access');
  });
});

describe('training', () => {
  it('is deterministic: the same input gives the same scores', () => {
    const input = { categories: defaultCategoryDefinitions().slice(0, 5), articles: [] };
    const first = trainCategoryModel(input).classify('my refund has not arrived');
    const second = trainCategoryModel(input).classify('my refund has not arrived');
    expect(second).toEqual(first);
  });

  it('classifies the same from parameters copied as a worker thread hands them back', () => {
    const input = { categories: defaultCategoryDefinitions().slice(0, 6), articles: [] };
    const parameters = fitCategoryModel(input);
    const copied = structuredClone(parameters, {
      transfer: [parameters.table.buffer, parameters.idf.buffer],
    });
    const question = 'I was charged twice and want my money back';
    expect(categoryModelFrom(copied).classify(question, ['hello'])).toEqual(
      trainCategoryModel(input).classify(question, ['hello']),
    );
  });

  it('moves a company-specific phrase to the category its labelled history gives it', () => {
    const categories = defaultCategoryDefinitions();
    const phrase = 'my flux capacitor subscription box came without the gizmo';
    const history = [
      { text: 'the flux capacitor box was missing the gizmo', category: 'complaint' },
      { text: 'gizmo missing from my flux capacitor subscription box again', category: 'complaint' },
      { text: 'flux capacitor box arrived and no gizmo inside', category: 'complaint' },
      { text: 'why is there never a gizmo in the flux capacitor box', category: 'complaint' },
    ];
    const before = trainCategoryModel({ categories, articles: [] }).classify(phrase);
    const after = trainCategoryModel({ categories, articles: [], history }).classify(phrase);
    expect(before.category).not.toBe('complaint');
    expect(after.category).toBe('complaint');
    expect(after.mode).toBe('history');
  });

  it('ignores history labelled with a category the taxonomy does not have', () => {
    const categories = defaultCategoryDefinitions();
    const model = trainCategoryModel({
      categories,
      articles: [],
      history: [{ text: 'where is my parcel', category: 'retired_category' }],
    });
    const prediction = model.classify('where is my parcel');
    expect(prediction.mode).toBe('cold_start');
    expect(prediction.scores.some((score) => score.category === 'retired_category')).toBe(false);
  });

  it('learns a category from the knowledge articles filed under it', () => {
    const categories: CategoryDefinition[] = [
      {
        name: 'shipping',
        description: 'Deliveries and couriers.',
        examples: ['where is my parcel', 'delivery times'],
      },
      { name: 'warranty', description: 'Guarantees on products.', examples: ['is it under guarantee'] },
      { name: 'other', description: 'Anything else.', examples: ['hello', 'talk to a person'] },
    ];
    const article = {
      title: 'Zephyr blender repairs',
      body: 'If your Zephyr blender stops spinning within two years, we repair or replace the motor free of charge.',
      category: 'warranty',
      tags: ['zephyr', 'blender', 'motor'],
    };
    const without = trainCategoryModel({ categories, articles: [] }).classify(
      'my zephyr blender motor stopped spinning',
    );
    const withArticle = trainCategoryModel({ categories, articles: [article] }).classify(
      'my zephyr blender motor stopped spinning',
    );
    expect(withArticle.category).toBe('warranty');
    expect(withArticle.scores.find((score) => score.category === 'warranty')?.score ?? 0).toBeGreaterThan(
      without.scores.find((score) => score.category === 'warranty')?.score ?? 0,
    );
  });

  it('works with a custom taxonomy that has no `other` category', () => {
    const categories: CategoryDefinition[] = [
      {
        name: 'sales',
        description: 'Buying our software.',
        examples: ['how much is a licence', 'pricing for teams'],
      },
      {
        name: 'support',
        description: 'Help with a bug.',
        examples: ['the app crashes', 'I get an error on start'],
      },
    ];
    const model = trainCategoryModel({ categories, articles: [] });
    expect(model.classify('what does a team licence cost').category).toBe('sales');
    expect(['sales', 'support']).toContain(model.classify('tell me a joke').category);
  });

  it('refuses an empty taxonomy', () => {
    expect(() => trainCategoryModel({ categories: [], articles: [] })).toThrow();
  });
});
