import { describe, expect, it } from "vitest";
import type { Clock } from "@/lib/runs/db-clock";
import { createStartGate } from "@/worker/start-gate";

/** A clock 10 minutes ahead of this machine's, as a worker's clock is when the database's is. */
const OFFSET_MS = 600_000;
const aheadClock: Clock = { now: () => new Date(Date.now() + OFFSET_MS), sync: async () => undefined, offsetMs: () => OFFSET_MS };

describe("start gate", () => {
  it("lets runs of one instant through together, not before the instant on the gate's clock", async () => {
    const gate = createStartGate(aheadClock);
    const instant = new Date(aheadClock.now().getTime() + 150);
    const first = gate.at(instant);
    const second = gate.at(new Date(instant));
    // One timer for the instant: both runs wait on the same opening.
    expect(second).toBe(first);
    const later = gate.at(new Date(instant.getTime() + 100));
    expect(later).not.toBe(first);

    await first;
    expect(aheadClock.now().getTime()).toBeGreaterThanOrEqual(instant.getTime());
    await later;
    expect(aheadClock.now().getTime()).toBeGreaterThanOrEqual(instant.getTime() + 100);
  });

  it("does not open before the instant by its clock when the clock falls behind the timer (a resync, or a timer firing a millisecond early)", async () => {
    let offsetMs = 0;
    const clock: Clock = { now: () => new Date(Date.now() + offsetMs), sync: async () => undefined, offsetMs: () => offsetMs };
    const gate = createStartGate(clock);
    const instant = new Date(clock.now().getTime() + 50);
    const opening = gate.at(instant);
    offsetMs = -30;
    await opening;
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(instant.getTime());
  });

  it("opens at once for an instant that has passed", async () => {
    const gate = createStartGate(aheadClock);
    const before = Date.now();
    await gate.at(new Date(aheadClock.now().getTime() - 5_000));
    // Not 10 minutes: the gate measures on its own clock, not this machine's.
    expect(Date.now() - before).toBeLessThan(1_000);
  });

  it("a new wait for an instant whose opening has fired gets a new opening", async () => {
    const gate = createStartGate(aheadClock);
    const instant = new Date(aheadClock.now().getTime() + 20);
    const first = gate.at(instant);
    await first;
    expect(gate.at(instant)).not.toBe(first);
  });
});
