// Slack's incoming-webhook format ({text, blocks}), which Mattermost, Rocket.Chat and others accept.
import type { SlackChannelConfig } from "../channel-input";
import type { AlertMessage } from "../message";
import { messageText } from "../message";
import { postJson } from "./post-json";

const ICONS: Record<AlertMessage["event"], string> = {
  failure: ":red_circle:",
  misfire: ":warning:",
  lost: ":warning:",
  late: ":hourglass:",
  recovery: ":large_green_circle:",
  test: ":bell:",
};

/** Slack mrkdwn treats &, < and > as markup. */
const escape = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

export function slackBody(message: AlertMessage): string {
  const links = [message.job?.url ? `<${message.job.url}|Job>` : null, message.run?.url ? `<${message.run.url}|Run>` : null].filter(Boolean);
  const blocks: unknown[] = [
    { type: "section", text: { type: "mrkdwn", text: `${ICONS[message.event]} *${escape(message.title)}*` } },
  ];
  if (message.reason) blocks.push({ type: "section", text: { type: "mrkdwn", text: `>${escape(message.reason).replaceAll("\n", "\n>")}` } });
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: [message.occurredAt, ...links].join(" · ") }] });
  return JSON.stringify({ text: messageText(message), blocks });
}

export async function sendSlack(config: SlackChannelConfig, message: AlertMessage): Promise<void> {
  await postJson(config.url, slackBody(message));
}
