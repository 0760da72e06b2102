// zod → JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) for the OpenAPI document.
import { z } from "zod";
import { EmailChannelConfig, SlackChannelConfig, WebhookChannelConfig } from "../../alerts/channel-input";
import { JobInput } from "../../validation/job-input";
import { JobConfig } from "../../validation/job-config";

export type JsonSchema = Record<string, unknown>;

export const schemaRef = (id: string): JsonSchema => ({ $ref: `#/components/schemas/${id}` });

/** Keywords a standalone JSON Schema carries that make no sense inside an OpenAPI document. */
function embeddable(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}

/** A request's schema (what a client may send: defaults optional) or a response's (what it gets). */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  return embeddable(z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema);
}

/** Every schema of a registry, each under its id, referring to the others by $ref. */
export function componentSchemas(registry: z.core.$ZodRegistry<{ id: string }>): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(registry, { target: "draft-2020-12", uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, embeddable(schema as JsonSchema)]));
}

/** The schema's properties, with a description added to those named in `notes`. */
function described(properties: Record<string, JsonSchema>, notes: Record<string, string>): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, notes[name] ? { ...property, description: notes[name] } : property]));
}

const JOB_FIELD_NOTES: Record<string, string> = {
  startGraceSeconds: "The dead-man's switch: a slot not started this long after it came due raises a late alert; null turns late alerts off",
  alertChannelIds: "Alert channels (ids from GET /api/v1/alert-channels) that get this job's alerts besides the global ones",
  retentionRuns: "Keep at most this many finished runs of the job; null: the global setting (SUNDIAL_RETENTION_RUNS)",
  retentionDays: "Delete the job's finished runs older than this many days; null: the global setting (SUNDIAL_RETENTION_DAYS)",
};

/**
 * A job as a client sends it to create or replace it. The routes parse it loosely (any object) and
 * createJob / updateJob check it with JobInput, whose trigger and config zod sees as `unknown` (the
 * scheduling library and the kind's schema check them): the document fills those in from the
 * Trigger and JobConfig schemas.
 */
export function jobRequestSchema(): JsonSchema {
  const fields = jsonSchemaOf(JobInput, "input") as { properties: Record<string, JsonSchema>; required: string[] };
  const { kind: _kind, config: _config, ...properties } = fields.properties;
  return {
    allOf: [
      {
        type: "object",
        properties: { ...described(properties, JOB_FIELD_NOTES), trigger: { ...schemaRef("Trigger"), description: "When the job runs; the timezone may be left out (SUNDIAL_TIMEZONE)" } },
        required: fields.required.filter((name) => name !== "kind"),
      },
      jsonSchemaOf(JobConfig, "input"),
    ],
  };
}

const SECRET_KEPT = "A secret: sealed when stored and never returned. On an update, empty (or left out) keeps the stored value.";
const CHANNEL_FIELD_NOTES: Record<string, string> = {
  enabled: "A disabled channel is sent nothing",
  global: "A global channel gets every job's alerts; another only those of jobs that list it in alertChannelIds",
  events:
    "The events to send, raised when a job's state changes (not for every run): failure (a run failed or timed out), misfire (a slot was missed), lost (a run was lost), late (a slot did not start within the job's startGraceSeconds), recovery (a success after one of those)",
};
const CHANNEL_CONFIG_NOTES: Record<string, string> = {
  url: `The URL alerts are POSTed to (for Slack, the incoming webhook's); required on create. ${SECRET_KEPT}`,
  signingSecret: `When set, each request carries X-Sundial-Signature: sha256=<HMAC-SHA256 of the body>. ${SECRET_KEPT}`,
  password: `The SMTP password. ${SECRET_KEPT}`,
  security: "starttls: upgrade and require TLS; tls: TLS from the start (port 465); none: plain text (a local relay)",
};

/**
 * An alert channel as a client sends it. The route's schema checks the type first (then the config
 * for that type in a pipe), so zod's own rendering shows `type` as any string and `config` as
 * anything: the document spells out each type's config.
 */
export function alertChannelRequestSchema(generated: JsonSchema): JsonSchema {
  const { properties, required } = generated as { properties: Record<string, JsonSchema>; required: string[] };
  const { type: _type, config: _config, ...fields } = properties;
  const variant = (type: string, config: z.ZodType, description: string, configRequired: boolean): JsonSchema => {
    const configSchema = jsonSchemaOf(config, "input") as { properties: Record<string, JsonSchema> };
    return {
      type: "object",
      description,
      properties: { type: { const: type }, config: { ...configSchema, properties: described(configSchema.properties, CHANNEL_CONFIG_NOTES) } },
      required: configRequired ? ["type", "config"] : ["type"],
    };
  };
  return {
    allOf: [
      { type: "object", properties: described(fields, CHANNEL_FIELD_NOTES), required: required.filter((name) => name !== "type" && name !== "config") },
      {
        oneOf: [
          variant("webhook", WebhookChannelConfig, "A JSON POST of the alert to any URL", false),
          variant("slack", SlackChannelConfig, "A message through a Slack incoming webhook", false),
          variant("email", EmailChannelConfig, "An email through an SMTP server", true),
        ],
      },
    ],
  };
}
