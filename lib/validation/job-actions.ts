// Bodies of the job API's actions beside create and update: pause, run now, and the version an
// update names.
import { z } from "zod";
import { ValidationError, type FieldErrors } from "../errors";

export const PauseJobRequest = z
  .object({ note: z.string({ error: "note must be text" }).trim().max(500, { error: "note must be at most 500 characters" }).optional() }, { error: "the body must be a JSON object" })
  .default({});
export type PauseJobRequest = z.infer<typeof PauseJobRequest>;

export const TriggerJobRequest = z
  .object(
    {
      /** This run's payload, replacing the job's default; checked against the task's schema for task jobs. */
      payload: z.unknown().optional(),
    },
    { error: "the body must be a JSON object" },
  )
  .strict()
  .default({});
export type TriggerJobRequest = z.infer<typeof TriggerJobRequest>;

/** The version a client read, from the body's `version` or an If-Match header ("3" or W/"3"). */
export const JobVersion = z.int({ error: "version must be a whole number" }).min(1, { error: "version must be at least 1" });

/** A job as sent to create or replace it: its fields are checked by the job service, all problems at once. */
export const JobRequest = z.record(z.string(), z.unknown(), { error: "the body must be a JSON object describing the job" });

/**
 * The version an update names: the body's `version`, or If-Match ("3", W/"3", as GET /jobs/{id}
 * sends it in ETag). Both may be sent if they agree; neither is a ValidationError.
 */
export function versionFrom(bodyVersion: unknown, ifMatch: string | null): number {
  const fieldErrors: FieldErrors = {};
  const fromBody = bodyVersion === undefined ? undefined : JobVersion.safeParse(bodyVersion);
  if (fromBody && !fromBody.success) fieldErrors.version = fromBody.error.issues.map((issue) => issue.message);
  const match = ifMatch === null ? null : /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim());
  if (ifMatch !== null && !match) fieldErrors["If-Match"] = ['If-Match must name a version, e.g. "3"'];
  const fromHeader = match ? Number(match[1]) : undefined;
  const version = fromBody?.success ? fromBody.data : fromHeader;
  if (fromBody?.success && fromHeader !== undefined && fromBody.data !== fromHeader) fieldErrors.version = ["version and If-Match name different versions"];
  if (version === undefined && Object.keys(fieldErrors).length === 0) {
    fieldErrors.version = ["version is required: send the version you read, in the body or as If-Match"];
  }
  if (Object.keys(fieldErrors).length > 0 || version === undefined) throw new ValidationError("The version to update is missing or invalid", fieldErrors);
  return version;
}
