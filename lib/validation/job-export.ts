// The file format of exported job definitions (GET /api/v1/jobs/export, the backup page) and what the
// import accepts. Its `sundial` number changes only when an old file could no longer be read as meant.
import { z } from "zod";

export const JOB_EXPORT_VERSION = 1;

export const IMPORT_MODES = ["merge", "replace"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const SECRETS_NOTE =
  "Values of HTTP headers and shell variables marked secret are not exported: they read value null. On import, a job that already exists keeps its stored value; a new job needs the value filled in.";

/** The import's options, as the API's query string carries them. */
export const JobImportQuery = z.object({
  /** true: only return the plan, write nothing. */
  dryRun: z
    .enum(["true", "false"], { error: "dryRun must be true or false" })
    .default("false")
    .transform((value) => value === "true"),
  /** merge: create and update the file's jobs; replace: also delete the jobs the file doesn't name. */
  mode: z.enum(IMPORT_MODES, { error: `mode must be one of ${IMPORT_MODES.join(", ")}` }).default("merge"),
});
export type JobImportQuery = z.infer<typeof JobImportQuery>;

/**
 * The import's body as the route parses it: any JSON object. The import itself checks the version and
 * every job, so a file's problems are all reported at once, by job name and field.
 */
export const JobImportBody = z.record(z.string(), z.unknown(), { error: "the body must be an exported job file (a JSON object)" });
