import { describe, expect, it } from "vitest";
import type { MetricsSnapshot } from "@/lib/metrics/collect-metrics";
import { LATENESS_BUCKETS_SECONDS, DURATION_BUCKETS_SECONDS, uuidV7Floor } from "@/lib/metrics/recent-runs";
import { renderMetrics } from "@/lib/metrics/render-metrics";
import { parsePrometheusText, seriesKey } from "../../support/prometheus-text";

const zeros = (bounds: readonly number[]) => ({ bounds, counts: bounds.map(() => 0), total: 0 });

const snapshot: MetricsSnapshot = {
  runsByStatus: { queued: 3, running: 1, succeeded: 1_000_000, failed: 2, timed_out: 0, missed: 7, skipped: 4, canceled: 0, lost: 1 },
  dueUnclaimed: { count: 2, oldestWaitSeconds: 12.5 },
  workersOnline: 2,
  jobs: { active: 5, paused: 1 },
  recent: {
    lateness: { bounds: LATENESS_BUCKETS_SECONDS, counts: LATENESS_BUCKETS_SECONDS.map((b) => (b >= 1 ? 3 : 1)), total: 4 },
    duration: zeros(DURATION_BUCKETS_SECONDS),
    notRun: [
      { status: "missed", reason: "late", count: 2 },
      { status: "skipped", reason: "coalesced", count: 30 },
    ],
  },
};

describe("renderMetrics", () => {
  it("writes every series in Prometheus' text format, with the snapshot's values", async () => {
    const { types, samples } = parsePrometheusText(await renderMetrics(snapshot));
    expect(samples.get(seriesKey("sundial_runs", { status: "succeeded" }))).toBe(1_000_000);
    expect(samples.get(seriesKey("sundial_runs", { status: "timed_out" }))).toBe(0);
    expect(samples.get("sundial_runs_due_unclaimed")).toBe(2);
    expect(samples.get("sundial_runs_due_unclaimed_oldest_wait_seconds")).toBe(12.5);
    expect(samples.get("sundial_workers_online")).toBe(2);
    expect(samples.get(seriesKey("sundial_jobs", { state: "paused" }))).toBe(1);
    expect(samples.get(seriesKey("sundial_run_lateness_recent_seconds", { le: "0.5" }))).toBe(1);
    expect(samples.get(seriesKey("sundial_run_lateness_recent_seconds", { le: "1" }))).toBe(3);
    expect(samples.get(seriesKey("sundial_run_lateness_recent_seconds", { le: "+Inf" }))).toBe(4);
    expect(samples.get(seriesKey("sundial_run_duration_recent_seconds", { le: "+Inf" }))).toBe(0);
    expect(samples.get(seriesKey("sundial_runs_not_run_recent", { status: "skipped", reason: "coalesced" }))).toBe(30);
    // Windows can shrink between scrapes: typed as gauges so nobody rate()s them.
    expect(new Set(types.values())).toEqual(new Set(["gauge"]));
  });

  it("the test's parser refuses what Prometheus would refuse", () => {
    for (const bad of ["x 1", "# TYPE x gauge\nx{le=1} 2\n", "# TYPE x gauge\nx one\n", "# TYPE x gauge\nx 1\nx 2\n", "# TYPE x wobble\n"]) {
      expect(() => parsePrometheusText(bad), bad).toThrow();
    }
  });
});

describe("uuidV7Floor", () => {
  /** A uuid v7 as the schema's default mints it: 48-bit ms time, version 7, variant, random rest. */
  const uuidV7 = (ms: number, rest = "7fff-bfff-ffffffffffff") => {
    const hex = ms.toString(16).padStart(12, "0");
    return `${hex.slice(0, 8)}-${hex.slice(8)}-${rest}`;
  };

  it("sorts below every id minted at or after the instant and above every earlier one", () => {
    const at = Date.parse("2026-11-26T01:00:00.123Z");
    const floor = uuidV7Floor(new Date(at));
    expect(uuidV7(at, "7000-8000-000000000000") >= floor).toBe(true);
    expect(uuidV7(at + 1) >= floor).toBe(true);
    expect(uuidV7(at + 86_400_000 * 365) >= floor).toBe(true);
    expect(uuidV7(at - 1) < floor).toBe(true);
    expect(uuidV7(at - 3_600_000) < floor).toBe(true);
  });
});
