// A snapshot in Prometheus' text format. A fresh registry per scrape: the values are the database's
// state at that moment, so nothing is kept between scrapes and concurrent scrapes can't mix.
import { Gauge, Registry } from "prom-client";
import type { MetricsSnapshot } from "./collect-metrics";
import { RECENT_WINDOW_MS, type BucketCounts } from "./recent-runs";

export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

const WINDOW = `${RECENT_WINDOW_MS / 60_000} minutes`;

/**
 * Buckets as a gauge with an `le` label (a "gauge histogram"): histogram_quantile() reads it, and the
 * type says what it is, a window that can go down, which the histogram type would hide from rate().
 */
function windowHistogram(registry: Registry, name: string, help: string, buckets: BucketCounts): void {
  const gauge = new Gauge({ name, help, labelNames: ["le"], registers: [registry] });
  buckets.bounds.forEach((bound, i) => gauge.set({ le: String(bound) }, buckets.counts[i]!));
  gauge.set({ le: "+Inf" }, buckets.total);
}

export async function renderMetrics(snapshot: MetricsSnapshot): Promise<string> {
  const registry = new Registry();

  const runs = new Gauge({ name: "sundial_runs", help: "Runs in the ledger by status (finished ones until retention prunes them).", labelNames: ["status"], registers: [registry] });
  for (const [status, count] of Object.entries(snapshot.runsByStatus)) runs.set({ status }, count);

  new Gauge({ name: "sundial_runs_due_unclaimed", help: "Queued runs whose scheduled time has passed that no worker has claimed yet.", registers: [registry] }).set(
    snapshot.dueUnclaimed.count,
  );
  new Gauge({
    name: "sundial_runs_due_unclaimed_oldest_wait_seconds",
    help: "How long the oldest due, unclaimed run has waited past its scheduled time (0 when none waits).",
    registers: [registry],
  }).set(snapshot.dueUnclaimed.oldestWaitSeconds);

  new Gauge({ name: "sundial_workers_online", help: "Workers that heartbeated within WORKER_OFFLINE_AFTER_SECONDS and have not stopped.", registers: [registry] }).set(
    snapshot.workersOnline,
  );

  const jobs = new Gauge({ name: "sundial_jobs", help: "Jobs by state: active (not paused) or paused.", labelNames: ["state"], registers: [registry] });
  jobs.set({ state: "active" }, snapshot.jobs.active);
  jobs.set({ state: "paused" }, snapshot.jobs.paused);

  windowHistogram(
    registry,
    "sundial_run_lateness_recent_seconds",
    `Start lateness (start minus scheduled time) of runs started in the last ${WINDOW}, cumulative by upper bound.`,
    snapshot.recent.lateness,
  );
  windowHistogram(
    registry,
    "sundial_run_duration_recent_seconds",
    `Duration of runs finished in the last ${WINDOW}, cumulative by upper bound.`,
    snapshot.recent.duration,
  );

  const notRun = new Gauge({
    name: "sundial_runs_not_run_recent",
    help: `Slots recorded missed or skipped in the last ${WINDOW}, by reason.`,
    labelNames: ["status", "reason"],
    registers: [registry],
  });
  for (const { status, reason, count } of snapshot.recent.notRun) notRun.set({ status, reason }, count);

  return registry.metrics();
}
