import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getJobHealth } from "@/lib/jobs/job-health";
import { databaseNow } from "@/lib/runs/database-now";
import { defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ permission: "jobs:read", query: z.object({}) }, async ({ params }) => {
  const db = getDb();
  const data = await getJobHealth(db, params.id!, { now: await databaseNow(db), offlineAfterSeconds: env().WORKER_OFFLINE_AFTER_SECONDS });
  return NextResponse.json({ data });
});
