/**
 * A background task run every interval in this process, one run at a time (a slow run is not
 * overlapped by the next tick), whose stop waits for the run under way — so a server closing its
 * store never pulls the connection from under a sweep or a facts refresh.
 */
export interface PeriodicTask {
  stop(): Promise<void>;
}

export const startPeriodicTask = (
  everyMs: number,
  run: () => Promise<unknown>,
  reportError: (error: unknown) => void,
): PeriodicTask => {
  let current: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (current) return;
    current = run()
      .then(() => undefined)
      .catch(reportError)
      .finally(() => {
        current = null;
      });
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await current;
    },
  };
};
