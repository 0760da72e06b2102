import { describe, expect, it } from "vitest";
import { formatRelative } from "@/components/time/format";
import { formatInstant } from "@/lib/schedule/format-instant";

describe("formatRelative", () => {
  const now = Date.parse("2026-11-25T12:00:00Z");
  it("picks the largest unit that fits, past and future", () => {
    expect(formatRelative(now - 12_000, now)).toBe("12 sec. ago");
    expect(formatRelative(now + 5 * 60_000, now)).toBe("in 5 min.");
    expect(formatRelative(now - 3 * 3600_000, now)).toBe("3 hr. ago");
    expect(formatRelative(now + 2 * 86_400_000, now)).toBe("in 2 days");
  });
  it("says now for the same instant", () => {
    expect(formatRelative(now, now)).toBe("now");
  });
});

describe("formatInstant", () => {
  const at = new Date("2026-03-08T07:30:00Z");
  it("names the zone with the wall time", () => {
    expect(formatInstant(at, "UTC")).toBe("2026-03-08 07:30:00 UTC");
    expect(formatInstant(at, "America/New_York")).toBe("2026-03-08 03:30:00 EDT");
    expect(formatInstant(at, "Asia/Kolkata")).toBe("2026-03-08 13:00:00 GMT+5:30");
  });
});
