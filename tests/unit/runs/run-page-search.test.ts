import { describe, expect, it } from "vitest";
import { formatDuration, formatLateness } from "@/components/runs/format";
import { parseRunPageSearch } from "@/lib/validation/run-queries";

describe("parseRunPageSearch (the runs page's URL)", () => {
  it("reads several statuses, repeated or comma-separated, once each and in order", () => {
    expect(parseRunPageSearch({ status: ["failed", "lost,timed_out", "failed"] }).filters.status).toEqual(["failed", "lost", "timed_out"]);
    expect(parseRunPageSearch({ status: "canceled" }).form.status).toEqual(["canceled"]);
  });

  it("turns UTC days into an instant range that includes the whole 'to' day", () => {
    const { filters, form } = parseRunPageSearch({ from: "2026-11-20", to: "2026-11-25" });
    expect(filters).toMatchObject({ from: "2026-11-20T00:00:00.000Z", to: "2026-11-26T00:00:00.000Z" });
    expect(form).toMatchObject({ fromDay: "2026-11-20", toDay: "2026-11-25" });
  });

  it("drops what a hand-edited URL got wrong instead of failing the page", () => {
    // Tried: an unknown status, an unknown source, a 31st of February, a non-date, a range ending before it starts, blanks.
    const { filters, form } = parseRunPageSearch({ status: "bogus,,failed", source: "cron", from: "2026-02-31", to: "yesterday", jobId: "  " });
    expect(filters).toEqual({ status: ["failed"], jobId: undefined, source: undefined, from: undefined, to: undefined });
    expect(form).toEqual({ status: ["failed"], jobId: "", source: "", fromDay: "", toDay: "" });
    expect(parseRunPageSearch({ from: "2026-11-25", to: "2026-11-20" }).filters).toMatchObject({ from: "2026-11-25T00:00:00.000Z", to: undefined });
  });

  it("keeps a source and a job id it can use", () => {
    expect(parseRunPageSearch({ source: "retry", jobId: "0199-abc" }).filters).toMatchObject({ source: "retry", jobId: "0199-abc" });
  });
});

describe("formatDuration and formatLateness", () => {
  it("uses the unit a reader expects for each size", () => {
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(12_400)).toBe("12.4 s");
    expect(formatDuration(185_000)).toBe("3 min 05 s");
    expect(formatDuration(2 * 3_600_000 + 4 * 60_000)).toBe("2 h 04 min");
    expect(formatDuration(50 * 3_600_000)).toBe("2 d 2 h");
  });

  it("reads an early start (skewed clocks) as on time", () => {
    expect(formatLateness(-20)).toBe("on time");
    expect(formatLateness(1_500)).toBe("1.5 s late");
  });
});
