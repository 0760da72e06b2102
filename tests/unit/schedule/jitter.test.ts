import { describe, expect, it } from "vitest";
import { jitteredStart } from "@/lib/schedule";

const slot = new Date("2026-12-01T00:00:00Z");

describe("jitteredStart", () => {
  it("leaves the slot alone without jitter", () => {
    expect(jitteredStart("job-1", slot, 0)).toEqual(slot);
  });

  it("delays within [0, jitter) and gives every worker the same answer", () => {
    const start = jitteredStart("job-1", slot, 30);
    expect(start.getTime() - slot.getTime()).toBeGreaterThanOrEqual(0);
    expect(start.getTime() - slot.getTime()).toBeLessThan(30_000);
    expect(jitteredStart("job-1", slot, 30)).toEqual(start);
  });

  it("spreads 1,000 jobs sharing a slot over the window", () => {
    const delays = Array.from({ length: 1000 }, (_, i) => jitteredStart(`job-${i}`, slot, 10).getTime() - slot.getTime());
    const perSecond = Array.from({ length: 10 }, (_, s) => delays.filter((d) => d >= s * 1000 && d < (s + 1) * 1000).length);
    // Uniform would be 100 per second; a hash that clumped (or a constant) would leave seconds empty.
    for (const count of perSecond) expect(count).toBeGreaterThan(50);
    expect(new Set(delays).size).toBeGreaterThan(900);
  });
});
