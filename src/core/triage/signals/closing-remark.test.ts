import { describe, expect, it } from 'vitest';
import { isClosingRemark } from './closing-remark.ts';

describe('a closing remark', () => {
  it('is thanks, an acknowledgement with thanks, or a goodbye, however it is written', () => {
    for (const text of [
      'Great, thank you!',
      'thanks',
      'thx 🙂',
      'ok cheers',
      'Perfect, that’s all I needed, bye',
      'no thanks, that is all',
      'Thank you so much for your help!!',
      'brilliant, sorted',
    ])
      expect(isClosingRemark(text), text).toBe(true);
  });

  it('is not a question, a complaint or a request said with thanks, nor a bare ok or yes', () => {
    for (const text of [
      'thanks for nothing',
      'great, another delay',
      'thanks, but where is my refund?',
      'thank you, can I speak to a human now',
      'thanks, I need help',
      'ok',
      'yes',
      '',
    ])
      expect(isClosingRemark(text), text).toBe(false);
  });
});
