// One pass of the alert machinery, as the worker and the web server both run it: evaluate finished
// runs and late slots (in the one process that evaluates, see evaluator.ts), send what is queued,
// and forget old deliveries.
import type { Db } from "../db";
import type { Logger } from "../log";
import { deliverDueAlerts, type DeliverResult } from "./deliver";
import { evaluateFinishedRuns, type EvaluationCursor } from "./evaluate-runs";
import { evaluateLateSlots } from "./evaluate-late";
import { enabledChannels } from "./state-change";

/** Deliveries are history for the settings page, kept this long. */
export const DELIVERY_RETENTION_DAYS = 30;

export type SweepOptions = {
  log: Logger;
  now: () => Date;
  retryMs: number;
  offlineAfterSeconds: number;
  publicUrl?: string;
  /** Kept by a process that sweeps again and again, so that each sweep reads only recent runs. */
  cursor?: EvaluationCursor;
  /** False in a process that only delivers: another one evaluates (evaluatesAlerts). */
  evaluate?: boolean;
};

export type SweepResult = { changes: number; late: number; delivered: DeliverResult };

export async function sweepAlerts(db: Db, options: SweepOptions): Promise<SweepResult> {
  let changes = 0;
  let late = 0;
  if (options.evaluate ?? true) {
    const channels = await enabledChannels(db);
    changes = await evaluateFinishedRuns(db, options.now(), channels, options.cursor);
    late = await evaluateLateSlots(db, options.now(), channels, { offlineAfterSeconds: options.offlineAfterSeconds });
  }
  const delivered = await deliverDueAlerts(db, options);
  await db.alertDelivery.deleteMany({
    where: { createdAt: { lt: new Date(options.now().getTime() - DELIVERY_RETENTION_DAYS * 86_400_000) }, status: { in: ["sent", "failed"] } },
  });
  return { changes, late, delivered };
}
