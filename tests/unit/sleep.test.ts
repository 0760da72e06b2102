// Waits on a signal that aborted before the wait began: the shutdown of a worker stopped while it
// was still starting (its listener and alert sweeper begin after the signal has aborted).
import { describe, expect, it } from "vitest";
import { sleep, whenAborted } from "@/lib/sleep";

const outcome = (wait: Promise<void>) => Promise.race([wait.then(() => "resolved"), new Promise((resolve) => setTimeout(resolve, 1_000, "still waiting"))]);

describe("waits on an abort signal", () => {
  it("whenAborted resolves at once for a signal that already aborted, and on a later abort", async () => {
    expect(await outcome(whenAborted(AbortSignal.abort()))).toBe("resolved");
    const later = new AbortController();
    const waiting = whenAborted(later.signal);
    expect(await outcome(waiting)).toBe("still waiting");
    later.abort();
    expect(await outcome(waiting)).toBe("resolved");
  });

  it("sleep of a minute ends at once for a signal that already aborted, or when it aborts, with or without unref", async () => {
    expect(await outcome(sleep(60_000, AbortSignal.abort()))).toBe("resolved");
    expect(await outcome(sleep(60_000, AbortSignal.abort(), { unref: true }))).toBe("resolved");
    const later = new AbortController();
    const waiting = sleep(60_000, later.signal, { unref: true });
    later.abort();
    expect(await outcome(waiting)).toBe("resolved");
    expect(await outcome(sleep(5))).toBe("resolved");
  });
});
