// Zones that are UTC under another name take croner's fixed-offset path (lib/schedule/cron.ts);
// their fire times must be exactly those of croner's own "UTC" zone handling.
import { Cron } from "croner";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCron } from "@/lib/schedule/cron";

const ALIASES = ["UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Zulu"];
const EXPRESSIONS = ["* * * * * *", "*/5 * * * *", "30 2 * * 1-5", "0 0 29 2 *", "15 10 L * *", "0 9 * * MON#2"];

describe("cron in UTC under any of its names", () => {
  it("fires exactly when croner's named UTC zone fires", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALIASES),
        fc.constantFrom(...EXPRESSIONS),
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
        (zone, expression, afterMs) => {
          const reference = new Cron(expression, { timezone: "UTC", mode: "5-or-6-parts", domAndDow: false });
          const after = new Date(afterMs);
          expect(createCron(expression, zone).nextRun(after)?.toISOString()).toBe(reference.nextRun(after)?.toISOString());
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps named zones with offsets on croner's zone handling", () => {
    const after = new Date("2026-03-29T00:30:00Z");
    // 02:30 does not exist in Berlin that night: croner fires at the end of the gap, 03:00 CEST = 01:00Z.
    expect(createCron("30 2 * * *", "Europe/Berlin").nextRun(after)?.toISOString()).toBe("2026-03-29T01:00:00.000Z");
  });
});
