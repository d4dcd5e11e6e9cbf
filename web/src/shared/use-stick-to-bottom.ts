/**
 * Keeps a scrolling transcript at its newest line while the reader is there. When they have
 * scrolled up to read, new lines do not yank them down: `unseen` turns on instead, for a
 * "new message" button that jumps to the end.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';

/** How close to the end (px) still counts as reading the newest line. */
const NEAR_END_PX = 48;

export const useStickToBottom = <E extends HTMLElement>(
  /** Changes whenever a line is added (e.g. the number of messages). */
  growth: unknown,
  options: { readonly startAt: 'top' | 'bottom' },
) => {
  const ref = useRef<E>(null);
  const atEnd = useRef(options.startAt === 'bottom');
  const started = useRef(false);
  const [unseen, setUnseen] = useState(false);

  const measure = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    atEnd.current = element.scrollHeight - element.scrollTop - element.clientHeight <= NEAR_END_PX;
    if (atEnd.current) setUnseen(false);
  }, []);

  const scrollToEnd = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    element.scrollTop = element.scrollHeight;
    atEnd.current = true;
    setUnseen(false);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs exactly when the transcript grows
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (!started.current) {
      started.current = true;
      if (options.startAt === 'bottom') scrollToEnd();
      else measure();
      return;
    }
    if (atEnd.current) scrollToEnd();
    else if (element.scrollHeight > element.clientHeight) setUnseen(true);
  }, [growth]);

  return { ref, onScroll: measure, unseen, scrollToEnd };
};
