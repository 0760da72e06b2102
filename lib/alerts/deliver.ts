// Sends queued alerts. Each delivery is claimed with a conditional write (status and attempt count
// as read), so of several sweeping processes one sends it; a claim whose process died is taken over
// when its lease expires. A failed send is retried with doubling waits, then recorded as failed with
// its error. A job's alerts reach a channel in the order they happened: a delivery waits while an
// earlier one of the same job to the same channel is still pending, its retries included, so that a
// receiver never gets a recovery before the failure it ends. Nothing here throws into the caller's loop.
import { dbProvider, sql, sqlInstant, type Db, type Prisma } from "../db";
import type { Logger } from "../log";
import { openChannelConfig } from "./channel-config";
import { sendToChannel } from "./channels/send";
import type { AlertChannelTypeName, AlertEventName, AlertStateName } from "./events";
import { buildAlertMessage } from "./message";

/** Attempts in all, the first included. */
export const MAX_DELIVERY_ATTEMPTS = 4;
const SEND_LEASE_MS = 2 * 60 * 1000;
const BATCH = 20;
/**
 * A sweep sends batch after batch while deliveries are due, up to this many: a downstream outage
 * that fails a few hundred jobs at once queues a delivery per job and channel, and at one batch per
 * sweep (10 s) the last of them would go out minutes late.
 */
const MAX_BATCHES_PER_SWEEP = 25;
const ERROR_MAX_CHARS = 1000;

export type DeliverOptions = {
  log: Logger;
  /** The wait before the second attempt; each later wait doubles. */
  retryMs: number;
  publicUrl?: string;
  now: () => Date;
};

export type DeliverResult = { sent: number; failed: number; retrying: number };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, ERROR_MAX_CHARS);

type QueuedDelivery = Prisma.AlertDeliveryGetPayload<{ include: { channel: true } }>;
type Outcome = "sent" | "failed" | "retrying" | "taken" | "unrecorded";

/** The sort key of a job's deliveries to one channel: occurredAt, then createdAt, then id. */
const LINE_ORDER: Prisma.AlertDeliveryOrderByWithRelationInput[] = [{ occurredAt: "asc" }, { createdAt: "asc" }, { id: "asc" }];

const isDue = (delivery: QueuedDelivery, at: Date) =>
  delivery.status === "pending" ? delivery.nextAttemptAt <= at : delivery.status === "sending" && delivery.leaseExpiresAt !== null && delivery.leaseExpiresAt < at;

/**
 * Due deliveries with no earlier one of the same job to the same channel still pending or being
 * sent. Those behind one are left out here, not filtered after reading: a batch of them behind a
 * delivery that waits for its retry would otherwise fill every batch and hold up other jobs' alerts.
 */
async function dueHeadsOfLine(db: Db, at: Date): Promise<{ heads: QueuedDelivery[]; full: boolean }> {
  const instant = sqlInstant(dbProvider(db), at);
  const rows = await db.$queryRaw<{ id: string }[]>(sql`
    SELECT d."id" FROM "AlertDelivery" d
    WHERE ((d."status" = 'pending' AND d."nextAttemptAt" <= ${instant}) OR (d."status" = 'sending' AND d."leaseExpiresAt" < ${instant}))
      AND NOT EXISTS (
        SELECT 1 FROM "AlertDelivery" e
        WHERE e."jobId" = d."jobId" AND e."channelId" = d."channelId" AND e."status" IN ('pending', 'sending')
          AND (e."occurredAt" < d."occurredAt"
            OR (e."occurredAt" = d."occurredAt" AND (e."createdAt" < d."createdAt" OR (e."createdAt" = d."createdAt" AND e."id" < d."id")))))
    ORDER BY d."nextAttemptAt"
    LIMIT ${BATCH}`);
  if (rows.length === 0) return { heads: [], full: false };
  // Read again: another process may have claimed one since. A claim is conditional on the state
  // read here, so only one still due may be claimed.
  const deliveries = await db.alertDelivery.findMany({ where: { id: { in: rows.map((row) => row.id) } }, orderBy: { nextAttemptAt: "asc" }, include: { channel: true } });
  return { heads: deliveries.filter((delivery) => isDue(delivery, at)), full: rows.length === BATCH };
}

/** The delivery after a sent or failed one in its job's line to its channel, if it is due now. */
async function nextInLine(db: Db, delivery: QueuedDelivery, at: Date): Promise<QueuedDelivery | null> {
  if (delivery.jobId === null || delivery.channelId === null) return null;
  const next = await db.alertDelivery.findFirst({
    where: { jobId: delivery.jobId, channelId: delivery.channelId, status: { in: ["pending", "sending"] } },
    orderBy: LINE_ORDER,
    include: { channel: true },
  });
  return next && isDue(next, at) ? next : null;
}

export async function deliverDueAlerts(db: Db, options: DeliverOptions): Promise<DeliverResult> {
  const result: DeliverResult = { sent: 0, failed: 0, retrying: 0 };
  for (let batch = 0; batch < MAX_BATCHES_PER_SWEEP; batch += 1) {
    const { heads, full } = await dueHeadsOfLine(db, options.now());
    // Lines are independent and go in parallel; within a line, one delivery after another.
    await Promise.all(
      heads.map(async (head) => {
        let delivery: QueuedDelivery | null = head;
        while (delivery) {
          const outcome = await deliverOne(db, delivery, options);
          if (outcome === "sent" || outcome === "failed" || outcome === "retrying") result[outcome] += 1;
          // A delivery that waits for a retry, or that another process sends, holds the rest of its line.
          if (outcome !== "sent" && outcome !== "failed") return;
          delivery = await nextInLine(db, delivery, options.now());
        }
      }),
    );
    // What this batch sent, failed or put off is no longer due, so the next one reads others.
    if (!full) break;
  }
  return result;
}

async function deliverOne(db: Db, delivery: QueuedDelivery, { log, retryMs, publicUrl, now }: DeliverOptions): Promise<Outcome> {
  const at = now();
  const { count } = await db.alertDelivery.updateMany({
    where: { id: delivery.id, status: delivery.status, attempts: delivery.attempts },
    data: { status: "sending", attempts: { increment: 1 }, leaseExpiresAt: new Date(at.getTime() + SEND_LEASE_MS) },
  });
  if (count === 0) return "taken";
  const attempt = delivery.attempts + 1;
  const context = { deliveryId: delivery.id, channelId: delivery.channelId, jobId: delivery.jobId, runId: delivery.runId, event: delivery.event, attempt };
  let error: string | null = null;
  let final = false;
  try {
    if (!delivery.channel) {
      error = "the channel was deleted before the alert could be sent";
      final = true;
    } else if (!delivery.channel.enabled) {
      error = "the channel was disabled before the alert could be sent";
      final = true;
    } else {
      const message = buildAlertMessage(
        {
          event: delivery.event as AlertEventName,
          jobId: delivery.jobId,
          jobName: delivery.jobName,
          runId: delivery.runId,
          reason: delivery.reason,
          fromState: delivery.fromState as AlertStateName | null,
          occurredAt: delivery.occurredAt,
        },
        publicUrl,
      );
      await sendToChannel(openChannelConfig(delivery.channel.type as AlertChannelTypeName, delivery.channel.config), message);
    }
  } catch (sendError) {
    error = errorText(sendError);
  }
  const finishedAt = now();
  try {
    if (error === null) {
      await db.alertDelivery.update({ where: { id: delivery.id }, data: { status: "sent", sentAt: finishedAt, leaseExpiresAt: null, lastError: null } });
      log.info(context, "alert sent");
      return "sent";
    }
    if (final || attempt >= MAX_DELIVERY_ATTEMPTS) {
      await db.alertDelivery.update({ where: { id: delivery.id }, data: { status: "failed", leaseExpiresAt: null, lastError: error } });
      log.error({ ...context, error }, "alert delivery failed; giving up");
      return "failed";
    }
    const waitMs = retryMs * 2 ** (attempt - 1);
    await db.alertDelivery.update({
      where: { id: delivery.id },
      data: { status: "pending", leaseExpiresAt: null, lastError: error, nextAttemptAt: new Date(finishedAt.getTime() + waitMs) },
    });
    log.warn({ ...context, error, retryInMs: waitMs }, "alert delivery failed; will retry");
    return "retrying";
  } catch (recordError) {
    // The lease expires and another sweep takes the delivery over.
    log.error({ ...context, err: recordError }, "could not record an alert delivery's outcome");
    return "unrecorded";
  }
}
