import { NextResponse } from "next/server";
import { getDb } from "@/lib/db";
import { listRuns } from "@/lib/runs/read";
import { RunListQuery } from "@/lib/validation/run-queries";
import { defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ permission: "runs:read", query: RunListQuery }, async ({ query }) => {
  return NextResponse.json(await listRuns(getDb(), query));
});
