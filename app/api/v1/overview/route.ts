import { NextResponse } from "next/server";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { ForbiddenError } from "@/lib/errors";
import { OverviewQuery } from "@/lib/overview/overview-range";
import { readOverview } from "@/lib/overview/read-overview";
import { defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

// The overview tells about runs, jobs and workers at once: the caller needs to read all three.
export const GET = defineRoute({ permission: "runs:read", query: OverviewQuery }, async ({ query, caller }) => {
  for (const permission of ["jobs:read", "workers:read"] as const) {
    if (!can(caller.role, permission)) throw new ForbiddenError(`The ${caller.role} role does not allow this (needs ${permission})`);
  }
  const overview = await readOverview(getDb(), { range: query.range, now: new Date(), offlineAfterSeconds: env().WORKER_OFFLINE_AFTER_SECONDS });
  return NextResponse.json({ data: overview });
});
