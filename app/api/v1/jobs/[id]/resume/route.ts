import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { resumeJob } from "@/lib/jobs/resume-job";
import { defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

export const POST = defineRoute({ permission: "jobs:write", query: z.object({}) }, async ({ params, caller }) => {
  return NextResponse.json({ data: await resumeJob(getDb(), { id: params.id! }, caller.actor, { now: new Date() }) });
});
