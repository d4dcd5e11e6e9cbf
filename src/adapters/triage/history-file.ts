/** Reads labelled conversations (`label.category`) for the category model's history mode. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { LabelledText } from '../../core/triage/index.ts';

const labelledText = (line: string): LabelledText | null => {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { label, messages } = value as { label?: unknown; messages?: unknown };
  if (typeof label !== 'object' || label === null) return null;
  const category = (label as { category?: unknown }).category;
  if (typeof category !== 'string' || !Array.isArray(messages)) return null;
  const customerTexts = messages
    .filter((message): message is { role: string; text: string } => {
      if (typeof message !== 'object' || message === null) return false;
      const { role, text } = message as { role?: unknown; text?: unknown };
      return role === 'customer' && typeof text === 'string';
    })
    .map((message) => message.text);
  const text = customerTexts[customerTexts.length - 1];
  return text ? { text, category } : null;
};

/** Every line with a `label.category` and a customer message; other lines are skipped. */
export const readHistoryFile = async (path: string): Promise<readonly LabelledText[]> => {
  const history: LabelledText[] = [];
  const lines = createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    const item = labelledText(line);
    if (item) history.push(item);
  }
  return history;
};
