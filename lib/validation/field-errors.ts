import type { z } from "zod";
import type { FieldErrors } from "../errors";

/** A zod error as field path → messages ("_" for the input as a whole). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
  return fieldErrors;
}

/**
 * Field errors on one line, for a run's error message: "url: must be an http:// or https:// URL;
 * acceptedStatuses: …". Paths are put under `prefix` when given ("payload.orderId"); the input as a
 * whole ("_") is named `whole` (the prefix, or "input").
 */
export function describeFieldErrors(fieldErrors: FieldErrors, { prefix, whole = prefix ?? "input" }: { prefix?: string; whole?: string } = {}): string {
  return Object.entries(fieldErrors)
    .map(([path, messages]) => `${path === "_" ? whole : prefix ? `${prefix}.${path}` : path}: ${messages.join(", ")}`)
    .join("; ");
}
