import type { z } from "zod";
import type { FieldErrors } from "../errors";

/** A zod error as field path → messages ("_" for the input as a whole). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
  return fieldErrors;
}
