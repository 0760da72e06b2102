import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { listJobs } from "@/lib/jobs/read";
import { defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

const JobListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const GET = defineRoute({ query: JobListQuery }, async ({ query }) => {
  return NextResponse.json(await listJobs(getDb(), query));
});
