import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { createJob } from "@/lib/jobs/create-job";
import type { JobDto } from "@/lib/jobs/job-dto";
import { listJobs } from "@/lib/jobs/read";
import { JobRequest } from "@/lib/validation/job-actions";
import { JobListQuery } from "@/lib/validation/job-queries";
import { defineRoute } from "@/lib/web/define-route";
import { toResponse } from "@/lib/web/idempotency";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ permission: "jobs:read", query: JobListQuery }, async ({ query }) => {
  return NextResponse.json(await listJobs(getDb(), query));
});

const created = (job: JobDto) => ({ status: 201, body: { data: job } });

export const POST = defineRoute({ permission: "jobs:write", query: z.object({}), body: JobRequest, idempotent: true }, async ({ body, caller, idempotency }) => {
  const job = await createJob(getDb(), body, caller.actor, {
    now: new Date(),
    defaultTimezone: env().SUNDIAL_TIMEZONE,
    afterWrite: idempotency?.storing(created),
  });
  return toResponse(created(job));
});
