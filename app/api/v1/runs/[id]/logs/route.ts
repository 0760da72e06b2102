import { NextResponse } from "next/server";
import { getDb } from "@/lib/db";
import { listRunLogs } from "@/lib/runs/read";
import { RunLogQuery } from "@/lib/validation/run-queries";
import { defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ permission: "runs:read", query: RunLogQuery }, async ({ params, query }) => {
  return NextResponse.json(await listRunLogs(getDb(), params.id!, query));
});
