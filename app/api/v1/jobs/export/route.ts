import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { exportFileName, exportJobs } from "@/lib/jobs/export-jobs";
import { defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ permission: "jobs:read", query: z.object({}) }, async () => {
  const now = new Date();
  const file = await exportJobs(getDb(), { now });
  // Indented and newline-terminated: the file is meant to be committed and diffed.
  return new NextResponse(`${JSON.stringify(file, null, 2)}\n`, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(now)}"`,
      "cache-control": "no-store",
    },
  });
});
