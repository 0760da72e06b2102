import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { defineRoute } from "@/lib/web/define-route";
import { listWorkers } from "@/lib/workers/read";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ permission: "workers:read", query: z.object({}) }, async () => {
  const data = await listWorkers(getDb(), new Date(), env().WORKER_OFFLINE_AFTER_SECONDS);
  return NextResponse.json({ data });
});
