import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBacktestFile } from './run-backtest-file.ts';

const work = mkdtempSync(join(tmpdir(), 'baton-backtest-file-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const defaultText = readFileSync(
  new URL('../../core/triage/policy/default-policy.yaml', import.meta.url),
  'utf8',
);
const write = (name: string, text: string) => {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
};
const input = write(
  'in.jsonl',
  `${[
    { id: 'g1', messages: [{ role: 'customer', text: 'Do you sell gift cards for birthdays?' }] },
    { id: 'g2', messages: [{ role: 'customer', text: 'Can I buy a gift card and send it by email?' }] },
    {
      id: 'o1',
      messages: [{ role: 'customer', text: 'What do the order statuses mean?' }],
      verdict: 'not_needed',
    },
  ]
    .map((line) => JSON.stringify(line))
    .join('\n')}\n`,
);

describe('backtest over a file', () => {
  it('shares one category model when the draft keeps the taxonomy', async () => {
    const result = await runBacktestFile({ in: input, policy: write('same.yaml', defaultText) });
    expect(result.sharedCategoryModel).toBe(true);
    expect(result.summary.changed).toBe(0);
    expect(result.summary.conversations).toBe(3);
  });

  it('trains a model for a draft that adds a category, and counts conversations under it', async () => {
    const withGiftCards = defaultText
      .replace(/^version: .*$/m, 'version: "gift-cards-1"')
      .replace(
        /^categories:\n/m,
        `categories:\n  gift_cards:\n    team: orders\n    threshold: 0.99\n    description: Buying, sending and spending Acme gift cards\n    examples: ["do you sell gift cards", "can I buy a gift card for a friend", "send a gift card by email", "gift card as a birthday present", "how do gift cards work"]\n`,
      );
    const result = await runBacktestFile({ in: input, policy: write('gift.yaml', withGiftCards) });
    expect(result.sharedCategoryModel).toBe(false);
    expect(result.draftVersion).toBe('gift-cards-1');
    expect(result.summary.draft.byCategory.gift_cards?.conversations).toBeGreaterThanOrEqual(1);
    expect(result.summary.baseline.byCategory.gift_cards).toBeUndefined();
  });
});
