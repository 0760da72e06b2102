import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb, providerOf } from "@/lib/db";
import { env } from "@/lib/env";
import { checkHealth } from "@/lib/health";
import { SUNDIAL_VERSION } from "@/lib/version";
import { defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ permission: "public", query: z.object({}) }, async () => {
  const config = env();
  const report = await checkHealth(getDb(), {
    provider: providerOf(config.DATABASE_URL),
    version: SUNDIAL_VERSION,
    now: () => new Date(),
    offlineAfterSeconds: config.WORKER_OFFLINE_AFTER_SECONDS,
  });
  return NextResponse.json(report, { headers: { "cache-control": "no-store" } });
});
