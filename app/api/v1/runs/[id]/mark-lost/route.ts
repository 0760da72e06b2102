import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { databaseNow } from "@/lib/runs/database-now";
import { markRunLost } from "@/lib/runs/mark-run-lost";
import { defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

export const POST = defineRoute({ permission: "runs:write", query: z.object({}) }, async ({ params, caller }) => {
  const db = getDb();
  const marked = await markRunLost(db, { id: params.id! }, caller.actor, { now: await databaseNow(db), offlineAfterSeconds: env().WORKER_OFFLINE_AFTER_SECONDS });
  return NextResponse.json({ data: marked });
});
