import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb, providerOf } from "@/lib/db";
import { env } from "@/lib/env";
import { migrationsDirFor } from "@/lib/health/migration-state";
import { checkReadiness } from "@/lib/health/readiness";
import { defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ permission: "public", query: z.object({}) }, async () => {
  const config = env();
  const report = await checkReadiness(getDb, {
    migrationsDir: migrationsDirFor(providerOf(config.DATABASE_URL)),
    offlineAfterSeconds: config.WORKER_OFFLINE_AFTER_SECONDS,
  });
  return NextResponse.json(report, { status: report.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
});
