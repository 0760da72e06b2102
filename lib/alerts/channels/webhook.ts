// The generic webhook: the message as JSON, signed with HMAC-SHA256 when the channel has a secret.
import { createHmac } from "node:crypto";
import type { WebhookChannelConfig } from "../channel-input";
import type { AlertMessage } from "../message";
import { postJson } from "./post-json";

export function webhookBody(message: AlertMessage): string {
  return JSON.stringify({
    event: message.event,
    title: message.title,
    reason: message.reason,
    occurredAt: message.occurredAt,
    previousState: message.previousState,
    job: message.job,
    run: message.run,
    links: { job: message.job?.url ?? null, run: message.run?.url ?? null },
  });
}

export async function sendWebhook(config: WebhookChannelConfig, message: AlertMessage): Promise<void> {
  const body = webhookBody(message);
  const headers: Record<string, string> = { "x-sundial-event": message.event };
  if (config.signingSecret) headers["x-sundial-signature"] = `sha256=${createHmac("sha256", config.signingSecret).update(body).digest("hex")}`;
  await postJson(config.url, body, headers);
}
