import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { cancelRun } from "@/lib/runs/cancel-run";
import { defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

export const POST = defineRoute({ permission: "runs:write", query: z.object({}) }, async ({ params, caller }) => {
  return NextResponse.json({ data: await cancelRun(getDb(), { id: params.id! }, caller.actor, { now: new Date() }) });
});
