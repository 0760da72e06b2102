import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { pauseJob } from "@/lib/jobs/pause-job";
import { PauseJobRequest } from "@/lib/validation/job-actions";
import { defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

export const POST = defineRoute({ permission: "jobs:write", query: z.object({}), body: PauseJobRequest }, async ({ body, params, caller }) => {
  return NextResponse.json({ data: await pauseJob(getDb(), { id: params.id!, note: body.note }, caller.actor, { now: new Date() }) });
});
