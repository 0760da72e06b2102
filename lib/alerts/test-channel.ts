// The test-send button: one message to one channel, now, without retries; the attempt is recorded
// beside the real deliveries so the page shows it like any other.
import type { Db } from "../db";
import { NotFoundError } from "../errors";
import { openChannelConfig } from "./channel-config";
import { sendToChannel } from "./channels/send";
import type { AlertChannelTypeName } from "./events";
import { buildAlertMessage } from "./message";
import { toAlertDeliveryDto, type AlertDeliveryDto } from "./channel-dto";

export type TestSendResult = { ok: boolean; error: string | null; delivery: AlertDeliveryDto };

export async function testAlertChannel(db: Db, id: string, { now = () => new Date(), publicUrl }: { now?: () => Date; publicUrl?: string } = {}): Promise<TestSendResult> {
  const channel = await db.alertChannel.findUnique({ where: { id } });
  if (!channel) throw new NotFoundError(`No alert channel with id ${id}`);
  const occurredAt = now();
  const message = buildAlertMessage(
    { event: "test", jobId: null, jobName: null, runId: null, reason: `Sent from the settings page to check the channel "${channel.name}".`, fromState: null, occurredAt },
    publicUrl,
  );
  let error: string | null = null;
  try {
    await sendToChannel(openChannelConfig(channel.type as AlertChannelTypeName, channel.config), message);
  } catch (sendError) {
    error = (sendError instanceof Error ? sendError.message : String(sendError)).slice(0, 1000);
  }
  const at = now();
  const row = await db.alertDelivery.create({
    data: {
      channelId: channel.id,
      channelName: channel.name,
      channelType: channel.type,
      event: "test",
      reason: message.reason,
      occurredAt,
      status: error === null ? "sent" : "failed",
      attempts: 1,
      nextAttemptAt: occurredAt,
      lastError: error,
      sentAt: error === null ? at : null,
      createdAt: at,
      updatedAt: at,
    },
  });
  return { ok: error === null, error, delivery: toAlertDeliveryDto(row) };
}
