/**
 * A memo of what triage reads in each customer message on its own, for a caller that triages one
 * conversation turn after turn (the live turn engine). Without it the k-th turn reads all k
 * customer messages again; with it a turn reads only the messages it has not seen.
 *
 * Every value is a pure function of a message's text and of the category model, so triage decides
 * exactly the same with or without a memo. Nothing that depends on the conversation around a
 * message is kept. The memo belongs to one category model: its readings are that model's, so a
 * retrained model needs a new memo. Values are shared between turns: no reader changes them.
 */
import type { MessageSignals } from './message-signals.ts';
import type { AskMemo } from './repeated-ask.ts';
import type { TextMemo } from './text-memo.ts';

export interface LineMemo extends AskMemo {
  /** The per-message detectors of detect-signals.ts, by message text. */
  readonly signals: TextMemo<MessageSignals>;
}

export const createLineMemo = (): LineMemo => ({ signals: new Map(), asks: new Map(), readings: new Map() });

/**
 * Forgets the messages a transcript no longer holds (edited or removed): triage remembers only
 * whole messages, so after this the memo has at most one entry per line in each of its maps.
 */
export const keepLinesOf = (memo: LineMemo, lines: readonly { readonly text: string }[]): void => {
  const texts = new Set(lines.map((line) => line.text));
  for (const byText of [memo.signals, memo.asks, memo.readings]) {
    for (const text of byText.keys()) if (!texts.has(text)) byText.delete(text);
  }
};
