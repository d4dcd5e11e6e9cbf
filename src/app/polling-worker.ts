/**
 * The claim-and-run loop shared by this process's background workers (AI turns, webhook
 * deliveries): it claims ready work when woken and every poll interval, runs up to a number of
 * items at once (counting slots reserved for items leased elsewhere), claims again at once while
 * the last claim came back full, and stops by waiting for what runs. What a claim leases and how an item runs belong to the worker using it.
 */

export interface PollingWorker<Item = unknown> {
  /** Work was queued: look for it now (coalesced with a look already under way). */
  wake(): void;
  /** Resolves when nothing runs and no claim is under way in this process. */
  idle(): Promise<void>;
  /** Stops claiming and waits for the running items to finish. */
  stop(): Promise<void>;
  /**
   * Holds a free slot for an item leased elsewhere (with the write that created it), or null when
   * none is free or the worker stopped. The holder runs the item in it or gives it back.
   */
  reserve(): Reservation<Item> | null;
}

export interface Reservation<Item> {
  run(item: Item): void;
  release(): void;
}

export interface PollingWorkerOptions<Item> {
  /** How often to look for work when nothing woke the worker (due retries, expired leases). */
  readonly pollMs: number;
  /** How many items may run at once right now. */
  readonly slots: () => number;
  /** Leases up to `limit` ready items. */
  readonly claim: (limit: number) => Promise<readonly Item[]>;
  /** Runs one item; resolves true when more work is known to wait (claim again). */
  readonly run: (item: Item) => Promise<boolean>;
  readonly reportError: (error: unknown, during: string) => void;
  /** Names the worker in error reports (`<during>_claim`, `<during>`). */
  readonly during: string;
}

export const startPollingWorker = <Item>(options: PollingWorkerOptions<Item>): PollingWorker<Item> => {
  const running = new Set<Promise<void>>();
  let reserved = 0;
  let stopped = false;
  let claiming = false;
  let lookAgain = false;
  // The last claim took as many as it could: more may be ready as soon as a slot frees.
  let backlog = false;
  // Someone queued work and woke the worker (perhaps while every slot was busy): until a claim
  // comes back short, a freed slot goes to a claim — the oldest work first — and none is reserved
  // for an item leased with its own write, which would overtake what waits.
  let queued = false;

  const start = (item: Item) => {
    const work: Promise<void> = options
      .run(item)
      .catch((error: unknown) => {
        options.reportError(error, options.during);
        return false;
      })
      .then((more) => {
        running.delete(work);
        // Claim again only when work is known to wait: every claim is a round trip.
        if (more || backlog || queued) look();
      });
    running.add(work);
  };

  const claimRound = async (): Promise<boolean> => {
    const free = options.slots() - running.size - reserved;
    if (free <= 0 || stopped) return false;
    const items = await options.claim(free);
    for (const item of items) start(item);
    backlog = items.length === free;
    if (!backlog) queued = false;
    return backlog && running.size + reserved < options.slots();
  };

  // One claim at a time: wakes during a claim ask for one more round instead of a parallel claim.
  const look = () => {
    if (stopped) return;
    if (claiming) {
      lookAgain = true;
      return;
    }
    claiming = true;
    void (async () => {
      try {
        do {
          lookAgain = false;
          if (await claimRound()) lookAgain = true;
        } while (lookAgain && !stopped);
      } catch (error) {
        options.reportError(error, `${options.during}_claim`);
      } finally {
        claiming = false;
      }
    })();
  };

  const wake = () => {
    queued = true;
    look();
  };

  const poll = setInterval(look, options.pollMs);
  poll.unref();
  look();

  const idle = async () => {
    while (running.size > 0 || claiming) {
      await Promise.all([...running, new Promise((resolve) => setTimeout(resolve, 10))]);
    }
  };

  const reserve = (): Reservation<Item> | null => {
    if (stopped || queued || backlog || running.size + reserved >= options.slots()) return null;
    reserved += 1;
    let held = true;
    const giveBack = () => {
      if (!held) return false;
      held = false;
      reserved -= 1;
      return true;
    };
    return {
      run: (item) => {
        if (giveBack()) start(item);
      },
      release: () => {
        if (giveBack() && (backlog || queued)) look();
      },
    };
  };

  return {
    wake,
    idle,
    reserve,
    async stop() {
      stopped = true;
      clearInterval(poll);
      await idle();
    },
  };
};
