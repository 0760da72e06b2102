// Runs claimed ahead wait here for their time. Runs of many jobs share a slot (1,000 per-second jobs
// all start on the whole second): they wait on one timer per instant, not one each, and are released
// together, so the burst at the slot does as little as possible besides starting them.
import type { Clock } from "@/lib/runs/db-clock";

export type StartGate = {
  /** Resolves at `instant` on the clock the claims were decided by (at once if it has passed). */
  at(instant: Date): Promise<void>;
};

export function createStartGate(clock: Clock): StartGate {
  const waiting = new Map<number, Promise<void>>();
  return {
    at(instant) {
      const at = instant.getTime();
      const waitMs = at - clock.now().getTime();
      if (waitMs <= 0) return Promise.resolve();
      let opening = waiting.get(at);
      if (!opening) {
        opening = new Promise<void>((resolve) => {
          // A timer may fire a millisecond before the instant by the clock (timers round, and the
          // clock is the wall clock plus the database's offset): a run must not start before its time.
          const open = () => {
            const remainingMs = at - clock.now().getTime();
            if (remainingMs > 0) return void setTimeout(open, remainingMs);
            waiting.delete(at);
            resolve();
          };
          setTimeout(open, waitMs);
        });
        waiting.set(at, opening);
      }
      return opening;
    },
  };
}
