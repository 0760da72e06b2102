import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { countJobRuns } from "@/lib/jobs/job-run-counts";
import { defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ permission: "runs:read", query: z.object({}) }, async ({ params }) => {
  return NextResponse.json({ data: await countJobRuns(getDb(), params.id!) });
});
