/**
 * Keeps a scrolling transcript at its newest line while the reader is there. When they have
 * scrolled up to read, new lines do not yank them down: `unseen` turns on instead, for a
 * "new message" button that jumps to the end.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** How close to the end (px) still counts as reading the newest line. */
const NEAR_END_PX = 48;

export const useStickToBottom = <E extends HTMLElement>(
  /** Changes whenever a line is added (e.g. the number of messages). */
  growth: unknown,
  options: { readonly startAt: 'top' | 'bottom' },
) => {
  const [element, setElement] = useState<E | null>(null);
  const atEnd = useRef(options.startAt === 'bottom');
  const started = useRef(false);
  const [unseen, setUnseen] = useState(false);

  const measure = useCallback(() => {
    if (!element) return;
    atEnd.current = element.scrollHeight - element.scrollTop - element.clientHeight <= NEAR_END_PX;
    if (atEnd.current) setUnseen(false);
  }, [element]);

  const scrollToEnd = useCallback(() => {
    if (!element) return;
    element.scrollTop = element.scrollHeight;
    atEnd.current = true;
    setUnseen(false);
  }, [element]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs exactly when the transcript grows
  useLayoutEffect(() => {
    if (!element) return;
    if (!started.current) {
      started.current = true;
      if (options.startAt === 'bottom') scrollToEnd();
      else measure();
      return;
    }
    if (atEnd.current) scrollToEnd();
    else if (element.scrollHeight > element.clientHeight) setUnseen(true);
  }, [growth, element]);

  // The visible area shrinks when the header above grows (a longer status line on a phone), and
  // the content grows as lines wrap: stay at the end through both.
  useEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (atEnd.current) element.scrollTop = element.scrollHeight;
    });
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, [element]);

  return { ref: setElement, onScroll: measure, unseen, scrollToEnd };
};
