"use server";

// The backup page's import: the same importJobs as POST /api/v1/jobs/import, with the same limits.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { importJobs } from "@/lib/jobs/import-jobs";
import { ValidationError } from "@/lib/errors";
import { IMPORT_MODES } from "@/lib/validation/job-export";
import { defineAction } from "@/lib/web/define-action";

const MAX_FILE_BYTES = 256 * 1024;

const ImportForm = z.object({
  // Named so defineAction never sends it back with a failure: a file may hold secret values.
  fileWithSecrets: z
    .string({ error: "choose a file" })
    .min(1, { error: "the file is empty" })
    .refine((text) => Buffer.byteLength(text) <= MAX_FILE_BYTES, { error: `the file is larger than ${MAX_FILE_BYTES / 1024} KiB` }),
  mode: z.enum(IMPORT_MODES, { error: `mode must be one of ${IMPORT_MODES.join(", ")}` }),
  dryRun: z.boolean(),
});

export const importJobsAction = defineAction({ permission: "jobs:write", input: ImportForm, name: "jobs.import" }, async ({ fileWithSecrets, mode, dryRun }, { caller }) => {
  let file: unknown;
  try {
    file = JSON.parse(fileWithSecrets);
  } catch (error) {
    throw new ValidationError("The file is not JSON", { fileWithSecrets: [`not valid JSON: ${(error as Error).message}`] });
  }
  const result = await importJobs(getDb(), file, caller.actor, { now: new Date(), defaultTimezone: env().SUNDIAL_TIMEZONE, mode, dryRun });
  if (result.applied) {
    revalidatePath("/jobs");
    revalidatePath("/");
  }
  return result;
});
