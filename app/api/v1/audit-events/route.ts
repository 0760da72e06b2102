import { NextResponse } from "next/server";
import { z } from "zod";
import { listAuditEvents } from "@/lib/audit/read";
import { getDb } from "@/lib/db";
import { defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

const AuditQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const GET = defineRoute({ permission: "audit:read", query: AuditQuery }, async ({ query }) => {
  return NextResponse.json(await listAuditEvents(getDb(), query));
});
