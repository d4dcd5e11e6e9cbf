import { describe, expect, it } from 'vitest';
import { judgementOfLine } from './judgement-line.ts';

describe('judgements on backtest input lines', () => {
  it('reads the dev file label, the replay verdict and the review label', () => {
    expect(
      judgementOfLine('{"id":"a","messages":[],"label":{"category":"refund","escalation":"must"}}'),
    ).toEqual({
      fileLabel: 'must',
      verdict: null,
      review: null,
    });
    expect(
      judgementOfLine(
        '{"id":"b","verdict":"not_needed","review":{"label":"unnecessary_escalation","rootCause":"policy_too_tight"}}',
      ),
    ).toEqual({
      fileLabel: null,
      verdict: 'not_needed',
      review: { label: 'unnecessary_escalation' },
    });
  });

  it('ignores lines without a judgement, unknown values and broken JSON', () => {
    expect(judgementOfLine('{"id":"c","messages":[{"role":"customer","text":"hi"}]}')).toBeNull();
    expect(judgementOfLine('{"id":"d","label":{"escalation":"maybe"},"verdict":42}')).toEqual({
      fileLabel: null,
      verdict: null,
      review: null,
    });
    expect(judgementOfLine('{"label": {')).toBeNull();
  });
});
