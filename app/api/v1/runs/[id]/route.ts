import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { getRun } from "@/lib/runs/read";
import { defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ permission: "runs:read", query: z.object({}) }, async ({ params }) => {
  return NextResponse.json({ data: await getRun(getDb(), params.id!) });
});
