// A task's payload as form fields: the catalog's zod schema, as JSON Schema, says which fields there
// are. Simple types (text, numbers, yes/no, a choice) get a field each; anything else, and a task
// the catalog does not know (a worker may offer its own), is edited as JSON.
import { z } from "zod";
import { isTaskName, TASK_CATALOG } from "@/lib/tasks/catalog";

export type PayloadFieldType = "string" | "number" | "integer" | "boolean" | "enum" | "json";

export type PayloadField = {
  name: string;
  type: PayloadFieldType;
  required: boolean;
  options?: string[];
  minimum?: number;
  maximum?: number;
  format?: string;
};

export type PayloadForm = { mode: "fields"; fields: PayloadField[] } | { mode: "json" };

/** What the payload's inputs hold: each field's text (booleans as "true" / "false" / ""), or the JSON text. */
export type PayloadDraft = { mode: "fields"; values: Record<string, string> } | { mode: "json"; text: string };

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  format?: string;
};

// Beyond this, a bound is the type's own limit (Number.MAX_SAFE_INTEGER), not a rule worth showing.
const SHOWN_BOUND = 1e12;

function fieldOf(name: string, schema: JsonSchema, required: boolean): PayloadField {
  const bounds = {
    ...(schema.minimum !== undefined && Math.abs(schema.minimum) < SHOWN_BOUND ? { minimum: schema.minimum } : {}),
    ...(schema.maximum !== undefined && Math.abs(schema.maximum) < SHOWN_BOUND ? { maximum: schema.maximum } : {}),
  };
  if (Array.isArray(schema.enum) && schema.enum.every((option) => typeof option === "string")) {
    return { name, type: "enum", required, options: schema.enum as string[] };
  }
  switch (schema.type) {
    case "string":
      return { name, type: "string", required, ...(schema.format ? { format: schema.format } : {}) };
    case "number":
    case "integer":
      return { name, type: schema.type, required, ...bounds };
    case "boolean":
      return { name, type: "boolean", required };
    default:
      return { name, type: "json", required };
  }
}

/** The form for a payload schema: fields for an object's properties, JSON for anything else. */
export function payloadFormOfSchema(schema: z.ZodType): PayloadForm {
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  } catch {
    return { mode: "json" };
  }
  if (json.type !== "object" || !json.properties) return { mode: "json" };
  const required = new Set(json.required ?? []);
  return { mode: "fields", fields: Object.entries(json.properties).map(([name, property]) => fieldOf(name, property, required.has(name))) };
}

/** The form for a task's payload; a task outside the catalog is edited as JSON. */
export function payloadFormOf(task: string): PayloadForm {
  return isTaskName(task) ? payloadFormOfSchema(TASK_CATALOG[task].payload) : { mode: "json" };
}

function textOf(field: PayloadField, value: unknown): string {
  if (value === undefined || value === null) return "";
  if (field.type === "json") return JSON.stringify(value, null, 2);
  return String(value);
}

/** The inputs' contents for a payload (undefined: all empty). */
export function payloadDraftOf(form: PayloadForm, payload: unknown): PayloadDraft {
  const isObject = typeof payload === "object" && payload !== null && !Array.isArray(payload);
  if (form.mode === "json" || (payload !== undefined && payload !== null && !isObject)) {
    return { mode: "json", text: payload === undefined ? "" : JSON.stringify(payload, null, 2) };
  }
  const record = (payload ?? {}) as Record<string, unknown>;
  const known = new Set(form.fields.map((field) => field.name));
  // A stored key the schema does not list would be lost by the fields: show the payload as JSON instead.
  if (Object.keys(record).some((key) => !known.has(key))) return { mode: "json", text: JSON.stringify(payload, null, 2) };
  return { mode: "fields", values: Object.fromEntries(form.fields.map((field) => [field.name, textOf(field, record[field.name])])) };
}

export type PayloadResult = { ok: true; payload: unknown } | { ok: false; fieldErrors: Record<string, string[]> };

function parseJson(text: string, label: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `${label} is not valid JSON (${error instanceof Error ? error.message : "parse error"})` };
  }
}

/**
 * The payload the inputs describe: undefined when they are all empty (each run then brings its own).
 * Numbers that don't read as numbers are sent as typed, so the task's schema names the problem; only
 * JSON that can't be parsed is refused here, keyed by field path under the payload ("_" for all of it).
 */
export function payloadOf(form: PayloadForm, draft: PayloadDraft): PayloadResult {
  if (draft.mode === "json" || form.mode === "json") {
    const text = draft.mode === "json" ? draft.text.trim() : "";
    if (text === "") return { ok: true, payload: undefined };
    const parsed = parseJson(text, "the payload");
    return parsed.ok ? { ok: true, payload: parsed.value } : { ok: false, fieldErrors: { _: [parsed.message] } };
  }
  const payload: Record<string, unknown> = {};
  const fieldErrors: Record<string, string[]> = {};
  for (const field of form.fields) {
    const text = (draft.values[field.name] ?? "").trim();
    if (text === "") continue;
    switch (field.type) {
      case "number":
      case "integer":
        payload[field.name] = Number.isFinite(Number(text)) ? Number(text) : text;
        break;
      case "boolean":
        payload[field.name] = text === "true";
        break;
      case "json": {
        const parsed = parseJson(text, field.name);
        if (parsed.ok) payload[field.name] = parsed.value;
        else fieldErrors[field.name] = [parsed.message];
        break;
      }
      default:
        payload[field.name] = text;
    }
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, payload: Object.keys(payload).length === 0 ? undefined : payload };
}
