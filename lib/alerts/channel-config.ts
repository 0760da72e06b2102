// The secrets of an alert channel's config (a webhook URL, which for Slack and most services is the
// credential; a signing secret; an SMTP password): sealed when stored, masked when shown, opened only
// by the process that sends (lib/secrets/seal.ts, the same key as job secrets).
import { ValidationError } from "../errors";
import { isSealed, openSecret, sealSecret } from "../secrets/seal";
import { currentSealingKey, type SealingKey } from "../secrets/sealing-key";
import type { AlertChannelTypeName } from "./events";
import type { AlertChannelInput, EmailChannelConfig, SlackChannelConfig, WebhookChannelConfig } from "./channel-input";

const SECRET_FIELDS: Record<AlertChannelTypeName, readonly string[]> = {
  webhook: ["url", "signingSecret"],
  slack: ["url"],
  email: ["password"],
};
/** Secrets a channel can't work without: an empty one is an error when nothing is stored to keep. */
const REQUIRED_SECRETS: Record<AlertChannelTypeName, readonly string[]> = { webhook: ["url"], slack: ["url"], email: [] };

export type MaskedChannelConfig =
  | { type: "webhook"; config: { target: string; signingSecretSet: boolean } }
  | { type: "slack"; config: { target: string } }
  | { type: "email"; config: Omit<EmailChannelConfig, "password"> & { passwordSet: boolean } };

/**
 * The config to store. For an update pass the stored row as `previous`: a secret sent empty keeps
 * the stored one when the type is unchanged.
 */
export function sealChannelConfig(input: Pick<AlertChannelInput, "type" | "config">, previous?: { type: string; config: unknown }, key?: SealingKey): Record<string, unknown> {
  const stored = previous?.type === input.type ? ((previous.config ?? {}) as Record<string, unknown>) : {};
  const config: Record<string, unknown> = { ...input.config };
  const errors: Record<string, string[]> = {};
  for (const field of SECRET_FIELDS[input.type]) {
    const sent = config[field];
    if (typeof sent === "string" && sent !== "") {
      config[field] = sealSecret(sent, key ?? currentSealingKey());
      continue;
    }
    const kept = stored[field];
    if (typeof kept === "string" && kept !== "") config[field] = isSealed(kept) ? kept : sealSecret(kept, key ?? currentSealingKey());
    else if (REQUIRED_SECRETS[input.type].includes(field)) errors[`config.${field}`] = [`${field} is required`];
    else config[field] = "";
  }
  if (Object.keys(errors).length > 0) throw new ValidationError("The channel is missing a required setting", errors);
  return config;
}

/** Scheme and host of a URL, enough to tell channels apart without showing the token in the path. */
function targetOf(sealedUrl: unknown): string {
  if (typeof sealedUrl !== "string" || sealedUrl === "") return "";
  try {
    const url = new URL(openSecret(sealedUrl, "url"));
    return url.pathname === "/" && url.search === "" ? url.origin : `${url.origin}/…`;
  } catch {
    return "(sealed under another key)";
  }
}

export function maskChannelConfig(type: AlertChannelTypeName, config: unknown): MaskedChannelConfig {
  const stored = (config ?? {}) as Record<string, unknown>;
  switch (type) {
    case "webhook":
      return { type, config: { target: targetOf(stored.url), signingSecretSet: typeof stored.signingSecret === "string" && stored.signingSecret !== "" } };
    case "slack":
      return { type, config: { target: targetOf(stored.url) } };
    case "email": {
      const { password, ...rest } = stored as EmailChannelConfig;
      return { type, config: { ...rest, passwordSet: typeof password === "string" && password !== "" } };
    }
  }
}

export type OpenedChannelConfig =
  | { type: "webhook"; config: WebhookChannelConfig }
  | { type: "slack"; config: SlackChannelConfig }
  | { type: "email"; config: EmailChannelConfig };

/** The config with its secrets opened, for sending. Throws SecretOpenError when a secret can't be opened. */
export function openChannelConfig(type: AlertChannelTypeName, config: unknown): OpenedChannelConfig {
  const opened: Record<string, unknown> = { ...((config ?? {}) as Record<string, unknown>) };
  for (const field of SECRET_FIELDS[type]) {
    const value = opened[field];
    if (typeof value === "string" && value !== "") opened[field] = openSecret(value, `channel ${field}`);
  }
  return { type, config: opened } as OpenedChannelConfig;
}
