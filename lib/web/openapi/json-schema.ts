// zod → JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) for the OpenAPI document.
import { z } from "zod";
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
        properties: { ...properties, trigger: { ...schemaRef("Trigger"), description: "When the job runs; the timezone may be left out (SUNDIAL_TIMEZONE)" } },
        required: fields.required.filter((name) => name !== "kind"),
      },
      jsonSchemaOf(JobConfig, "input"),
    ],
  };
}
