import { describe, expect, it } from "vitest";
import { z } from "zod";
import { payloadDraftOf, payloadFormOf, payloadFormOfSchema, payloadOf } from "@/components/tasks/payload-form";
import { taskPayloadErrors } from "@/lib/tasks/catalog";

describe("a task's payload as a form", () => {
  it("makes a field per property of the catalog's schema, with its type, bounds and whether it is required", () => {
    expect(payloadFormOf("sundial.prune-runs")).toEqual({
      mode: "fields",
      fields: [
        { name: "keepDays", type: "integer", required: false, minimum: 1 },
        { name: "keepRuns", type: "integer", required: false, minimum: 1 },
      ],
    });
    expect(payloadFormOf("example.cancel-unpaid-order")).toEqual({
      mode: "fields",
      fields: [
        { name: "orderId", type: "string", required: true },
        { name: "callbackUrl", type: "string", required: false, format: "uri" },
      ],
    });
  });

  it("covers numbers, yes/no and choices, and falls back to JSON for the rest", () => {
    const schema = z.object({ ratio: z.number(), dryRun: z.boolean(), level: z.enum(["low", "high"]), items: z.array(z.string()).optional() });
    expect(payloadFormOfSchema(schema)).toEqual({
      mode: "fields",
      fields: [
        { name: "ratio", type: "number", required: true },
        { name: "dryRun", type: "boolean", required: true },
        { name: "level", type: "enum", required: true, options: ["low", "high"] },
        { name: "items", type: "json", required: false },
      ],
    });
    expect(payloadFormOfSchema(z.array(z.string()))).toEqual({ mode: "json" });
  });

  it("edits a task outside the catalog (a worker's own) as JSON", () => {
    expect(payloadFormOf("billing.refund")).toEqual({ mode: "json" });
  });
});

describe("payload drafts", () => {
  const form = payloadFormOf("sundial.prune-runs");

  it("turns the fields into the payload the schema checks; empty fields are left out", () => {
    expect(payloadOf(form, { mode: "fields", values: { keepDays: "14", keepRuns: "" } })).toEqual({ ok: true, payload: { keepDays: 14 } });
    expect(payloadOf(form, { mode: "fields", values: { keepDays: "", keepRuns: "" } })).toEqual({ ok: true, payload: undefined });
  });

  it("sends a bad number as typed so the task's schema names it (tried: keepDays 'ten', 0)", () => {
    const words = payloadOf(form, { mode: "fields", values: { keepDays: "ten" } });
    expect(words).toEqual({ ok: true, payload: { keepDays: "ten" } });
    expect(taskPayloadErrors("sundial.prune-runs", (words as { payload: unknown }).payload)).toEqual({ keepDays: ["keepDays must be a whole number"] });
    const zero = payloadOf(form, { mode: "fields", values: { keepDays: "0" } });
    expect(taskPayloadErrors("sundial.prune-runs", (zero as { payload: unknown }).payload)).toEqual({ keepDays: ["keepDays must be at least 1"] });
  });

  it("refuses JSON it cannot parse, keyed by the field (tried: '{nope')", () => {
    const result = payloadOf({ mode: "json" }, { mode: "json", text: "{nope" });
    expect(result.ok).toBe(false);
    expect((result as { fieldErrors: Record<string, string[]> }).fieldErrors._![0]).toMatch(/^the payload is not valid JSON/);
  });

  it("shows a stored payload in its fields, or as JSON when it has keys the fields don't show", () => {
    expect(payloadDraftOf(form, { keepRuns: 50 })).toEqual({ mode: "fields", values: { keepDays: "", keepRuns: "50" } });
    expect(payloadDraftOf(form, { keepRuns: 50, extra: true })).toEqual({ mode: "json", text: JSON.stringify({ keepRuns: 50, extra: true }, null, 2) });
    expect(payloadDraftOf({ mode: "json" }, undefined)).toEqual({ mode: "json", text: "" });
  });
});
