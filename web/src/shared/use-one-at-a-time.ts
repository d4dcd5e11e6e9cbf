/**
 * Runs a read one at a time: asked again while it runs, it runs once more afterwards, not once per
 * ask (a burst of live updates is one or two reads). `pass` returns true to ask for one more pass
 * itself (its answer was for something no longer shown). Failures are dropped: the next ask reads again.
 */
import { useCallback, useRef } from 'react';

export const useOneAtATime = (pass: () => Promise<boolean | undefined>): (() => Promise<void>) => {
  const latest = useRef(pass);
  latest.current = pass;
  const running = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  return useCallback((): Promise<void> => {
    if (running.current) {
      again.current = true;
      return running.current;
    }
    const run = async () => {
      do {
        again.current = false;
        if (await latest.current()) again.current = true;
      } while (again.current);
    };
    running.current = run()
      .catch(() => {})
      .finally(() => {
        running.current = null;
      });
    return running.current;
  }, []);
};
