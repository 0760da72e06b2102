// Sends queued alerts. Each delivery is claimed with a conditional write (status and attempt count
// as read), so of several sweeping processes one sends it; a claim whose process died is taken over
// when its lease expires. A failed send is retried with doubling waits, then recorded as failed with
// its error. Nothing here throws into the caller's loop.
import type { Db } from "../db";
import type { Logger } from "../log";
import { openChannelConfig } from "./channel-config";
import { sendToChannel } from "./channels/send";
import type { AlertChannelTypeName, AlertEventName, AlertStateName } from "./events";
import { buildAlertMessage } from "./message";

/** Attempts in all, the first included. */
export const MAX_DELIVERY_ATTEMPTS = 4;
const SEND_LEASE_MS = 2 * 60 * 1000;
const BATCH = 20;
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

export async function deliverDueAlerts(db: Db, { log, retryMs, publicUrl, now }: DeliverOptions): Promise<DeliverResult> {
  const at = now();
  const due = await db.alertDelivery.findMany({
    where: { OR: [{ status: "pending", nextAttemptAt: { lte: at } }, { status: "sending", leaseExpiresAt: { lt: at } }] },
    orderBy: { nextAttemptAt: "asc" },
    take: BATCH,
    include: { channel: true },
  });
  const result: DeliverResult = { sent: 0, failed: 0, retrying: 0 };
  await Promise.all(
    due.map(async (delivery) => {
      const { count } = await db.alertDelivery.updateMany({
        where: { id: delivery.id, status: delivery.status, attempts: delivery.attempts },
        data: { status: "sending", attempts: { increment: 1 }, leaseExpiresAt: new Date(at.getTime() + SEND_LEASE_MS) },
      });
      if (count === 0) return;
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
          result.sent += 1;
          log.info(context, "alert sent");
        } else if (final || attempt >= MAX_DELIVERY_ATTEMPTS) {
          await db.alertDelivery.update({ where: { id: delivery.id }, data: { status: "failed", leaseExpiresAt: null, lastError: error } });
          result.failed += 1;
          log.error({ ...context, error }, "alert delivery failed; giving up");
        } else {
          const waitMs = retryMs * 2 ** (attempt - 1);
          await db.alertDelivery.update({
            where: { id: delivery.id },
            data: { status: "pending", leaseExpiresAt: null, lastError: error, nextAttemptAt: new Date(finishedAt.getTime() + waitMs) },
          });
          result.retrying += 1;
          log.warn({ ...context, error, retryInMs: waitMs }, "alert delivery failed; will retry");
        }
      } catch (recordError) {
        // The lease expires and another sweep takes the delivery over.
        log.error({ ...context, err: recordError }, "could not record an alert delivery's outcome");
      }
    }),
  );
  return result;
}
