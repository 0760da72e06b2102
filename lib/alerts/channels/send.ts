import type { OpenedChannelConfig } from "../channel-config";
import type { AlertMessage } from "../message";
import { sendEmail } from "./email";
import { sendSlack } from "./slack";
import { sendWebhook } from "./webhook";

/** Sends one message to one channel; throws with a readable message when the channel refused it. */
export async function sendToChannel(channel: OpenedChannelConfig, message: AlertMessage): Promise<void> {
  switch (channel.type) {
    case "webhook":
      return sendWebhook(channel.config, message);
    case "slack":
      return sendSlack(channel.config, message);
    case "email":
      return sendEmail(channel.config, message);
  }
}
