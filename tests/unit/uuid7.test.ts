import { describe, expect, it } from "vitest";
import { uuid7 } from "@/lib/uuid7";

describe("uuid7", () => {
  it("is a version 7, RFC 9562 variant UUID whose first 48 bits are the given milliseconds", () => {
    const at = Date.parse("2026-11-26T07:00:00.123Z");
    const id = uuid7(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16)).toBe(at);
  });

  it("gives 10,000 distinct ids for one millisecond (across many refills of its random pool), sorting by time across milliseconds", () => {
    const ids = Array.from({ length: 10_000 }, () => uuid7(1_000));
    expect(new Set(ids).size).toBe(10_000);
    // The random part varies in every position, not only in the first bytes of each pool fill.
    expect(new Set(ids.map((id) => id.slice(-4))).size).toBeGreaterThan(5_000);
    expect([uuid7(2_001), uuid7(2_000), uuid7(2_002)].sort()).toEqual([expect.stringMatching(/^00000000-07d0/), expect.stringMatching(/^00000000-07d1/), expect.stringMatching(/^00000000-07d2/)]);
  });
});
