import { NextResponse } from "next/server";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { importJobs, ImportValidationError } from "@/lib/jobs/import-jobs";
import { JobImportBody, JobImportQuery } from "@/lib/validation/job-export";
import { apiError, defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

export const POST = defineRoute({ permission: "jobs:write", query: JobImportQuery, body: JobImportBody }, async ({ query, body, caller }) => {
  try {
    const result = await importJobs(getDb(), body, caller.actor, { now: new Date(), defaultTimezone: env().SUNDIAL_TIMEZONE, mode: query.mode, dryRun: query.dryRun });
    return NextResponse.json({ data: result });
  } catch (error) {
    // The problems by job go beside the field errors, so a client can show them per job.
    if (error instanceof ImportValidationError) return apiError(422, "validation", error.message, { fieldErrors: error.fieldErrors, problems: error.problems });
    throw error;
  }
});
