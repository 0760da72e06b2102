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
        opening = new Promise<void>((resolve) =>
          setTimeout(() => {
            waiting.delete(at);
            resolve();
          }, waitMs),
        );
        waiting.set(at, opening);
      }
      return opening;
    },
  };
}
