import { describe, expect, it } from "vitest";
import { formatDailyReport, previousUtcDay } from "@/worker/tasks/daily-report";

describe("previousUtcDay", () => {
  it("is the UTC day before the instant, across month, year and leap-day ends", () => {
    expect(previousUtcDay(new Date("2026-11-25T00:00:00Z"))).toBe("2026-11-24");
    expect(previousUtcDay(new Date("2026-11-25T23:59:59.999Z"))).toBe("2026-11-24");
    expect(previousUtcDay(new Date("2026-03-01T03:17:00Z"))).toBe("2026-02-28");
    expect(previousUtcDay(new Date("2024-03-01T03:17:00Z"))).toBe("2024-02-29");
    expect(previousUtcDay(new Date("2027-01-01T00:30:00Z"))).toBe("2026-12-31");
  });

  it("goes by UTC, not the zone of the slot: 00:30 in Berlin (22:30 UTC the day before) reports two Berlin days back", () => {
    expect(previousUtcDay(new Date("2026-06-15T00:30:00+02:00"))).toBe("2026-06-13");
  });
});

describe("formatDailyReport", () => {
  it("says none for a day without runs", () => {
    expect(formatDailyReport({ day: "2026-01-15", byStatus: {}, topFailures: [] })).toBe("Runs on 2026-01-15 (UTC): none");
  });

  it("lists statuses in the order of a run's life and says so when nothing failed", () => {
    expect(formatDailyReport({ day: "2026-01-15", byStatus: { skipped: 1, succeeded: 5, missed: 2 }, topFailures: [] })).toBe(
      ["Runs on 2026-01-15 (UTC): 8", "  succeeded 5, missed 2, skipped 1", "No failures"].join("\n"),
    );
  });

  it("names the failing jobs with their failures out of their runs", () => {
    expect(
      formatDailyReport({
        day: "2026-01-15",
        byStatus: { succeeded: 3, failed: 2, timed_out: 1 },
        topFailures: [{ name: "nightly-backup", runs: 4, failures: { timed_out: 1, failed: 2 } }],
      }),
    ).toBe(["Runs on 2026-01-15 (UTC): 6", "  succeeded 3, failed 2, timed_out 1", "Jobs with the most failures:", "  nightly-backup: 3 of 4 runs (failed 2, timed_out 1)"].join("\n"));
  });
});
