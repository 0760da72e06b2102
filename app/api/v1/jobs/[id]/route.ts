import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { deleteJob } from "@/lib/jobs/delete-job";
import { getJob } from "@/lib/jobs/read";
import { updateJob } from "@/lib/jobs/update-job";
import { JobRequest, versionFrom } from "@/lib/validation/job-actions";
import { defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ permission: "jobs:read", query: z.object({}) }, async ({ params }) => {
  const job = await getJob(getDb(), params.id!);
  return NextResponse.json({ data: job }, { headers: { ETag: `"${job.version}"` } });
});

export const PUT = defineRoute({ permission: "jobs:write", query: z.object({}), body: JobRequest }, async ({ body, params, request, caller }) => {
  const version = versionFrom(body.version, request.headers.get("if-match"));
  const job = await updateJob(getDb(), { id: params.id!, version, job: body }, caller.actor, { now: new Date(), defaultTimezone: env().SUNDIAL_TIMEZONE });
  return NextResponse.json({ data: job }, { headers: { ETag: `"${job.version}"` } });
});

export const DELETE = defineRoute({ permission: "jobs:write", query: z.object({}) }, async ({ params, caller }) => {
  return NextResponse.json({ data: await deleteJob(getDb(), { id: params.id! }, caller.actor, { now: new Date() }) });
});
