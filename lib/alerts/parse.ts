import type { z } from "zod";
import { ValidationError } from "../errors";
import { fieldErrorsOf } from "../validation/field-errors";

/** Parses with zod; a failure is a ValidationError with every problem keyed by field path. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError("The alert channel is not valid", fieldErrorsOf(result.error));
  return result.data;
}
