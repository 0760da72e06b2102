// What the API and the settings page send to create or change an alert channel. Secret fields (a
// webhook URL, a signing secret, an SMTP password) left empty on an update keep their stored value.
import { z } from "zod";
import { ALERT_CHANNEL_TYPES, ALERT_EVENTS } from "./events";

const whole = (field: string) => z.int({ error: `${field} must be a whole number` });

/** Empty is allowed here (keep the stored URL on update); the service requires one on create. */
const SecretUrl = z
  .string({ error: "url must be text" })
  .trim()
  .max(2000, { error: "url must be at most 2000 characters" })
  .refine(
    (url) => {
      if (url === "") return true;
      try {
        const parsed = new URL(url);
        return (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.hostname !== "";
      } catch {
        return false;
      }
    },
    { error: "url must be an http:// or https:// URL" },
  )
  .default("");

export const WebhookChannelConfig = z.object({
  url: SecretUrl,
  /** When set, each request carries X-Sundial-Signature: sha256=<HMAC of the body>. */
  signingSecret: z.string({ error: "signingSecret must be text" }).max(500, { error: "signingSecret must be at most 500 characters" }).default(""),
});
export type WebhookChannelConfig = z.infer<typeof WebhookChannelConfig>;

export const SlackChannelConfig = z.object({ url: SecretUrl });
export type SlackChannelConfig = z.infer<typeof SlackChannelConfig>;

export const SMTP_SECURITY = ["starttls", "tls", "none"] as const;

export const EmailChannelConfig = z.object({
  host: z
    .string({ error: "host is required" })
    .trim()
    .min(1, { error: "host is required" })
    .max(255, { error: "host must be at most 255 characters" })
    .regex(/^[A-Za-z0-9.:[\]-]+$/, { error: "host must be a host name or an IP address" }),
  port: whole("port").min(1, { error: "port must be between 1 and 65535" }).max(65535, { error: "port must be between 1 and 65535" }).default(587),
  /** starttls: upgrade and require TLS; tls: TLS from the start (port 465); none: plain text (a local relay). */
  security: z.enum(SMTP_SECURITY, { error: `security must be one of ${SMTP_SECURITY.join(", ")}` }).default("starttls"),
  username: z.string({ error: "username must be text" }).trim().max(255, { error: "username must be at most 255 characters" }).default(""),
  password: z.string({ error: "password must be text" }).max(1000, { error: "password must be at most 1000 characters" }).default(""),
  from: z.email({ error: "from must be an email address" }),
  to: z
    .array(z.email({ error: "each recipient must be an email address" }), { error: "to must be a list of email addresses" })
    .min(1, { error: "at least one recipient is required" })
    .max(50, { error: "at most 50 recipients" }),
});
export type EmailChannelConfig = z.infer<typeof EmailChannelConfig>;

const ChannelFields = z.object({
  name: z
    .string({ error: "name is required" })
    .trim()
    .min(1, { error: "name is required", abort: true })
    .max(100, { error: "name must be at most 100 characters" }),
  enabled: z.boolean({ error: "enabled must be true or false" }).default(true),
  /** A global channel gets every job's alerts; another only those of jobs that list it. */
  global: z.boolean({ error: "global must be true or false" }).default(false),
  events: z
    .array(z.enum(ALERT_EVENTS, { error: `each event must be one of ${ALERT_EVENTS.join(", ")}` }), { error: "events must be a list" })
    .min(1, { error: "choose at least one event" })
    .transform((events) => ALERT_EVENTS.filter((event) => events.includes(event)))
    .default([...ALERT_EVENTS]),
});

// The type is checked on its own first, so an unknown type gets one plain message and the other
// fields are still checked beside it.
const TypeAndConfig = z
  .object({
    type: z
      .string({ error: "type is required" })
      .refine((type) => (ALERT_CHANNEL_TYPES as readonly string[]).includes(type), { error: `type must be one of ${ALERT_CHANNEL_TYPES.join(", ")}` }),
    config: z.unknown().optional(),
  })
  .pipe(
    z.discriminatedUnion("type", [
      z.object({ type: z.literal("webhook"), config: WebhookChannelConfig.prefault({}) }),
      z.object({ type: z.literal("slack"), config: SlackChannelConfig.prefault({}) }),
      z.object({ type: z.literal("email"), config: EmailChannelConfig }),
    ]),
  );

export const AlertChannelInput = z.intersection(ChannelFields, TypeAndConfig);
export type AlertChannelInput = z.infer<typeof AlertChannelInput>;
export type AlertChannelInputRequest = z.input<typeof AlertChannelInput>;

export type ChannelConfig = AlertChannelInput["config"];

export const AlertDeliveryQuery = z.object({
  status: z.enum(["pending", "sending", "sent", "failed"], { error: "status must be pending, sending, sent or failed" }).optional(),
  channelId: z.string().optional(),
  jobId: z.string().optional(),
  limit: z.coerce.number({ error: "limit must be a number" }).int({ error: "limit must be a whole number" }).min(1, { error: "limit must be at least 1" }).max(200, { error: "limit must be at most 200" }).default(50),
});
export type AlertDeliveryQuery = z.infer<typeof AlertDeliveryQuery>;
