import { NextResponse } from "next/server";
import { pageAuditEvents } from "@/lib/audit/read";
import { getDb } from "@/lib/db";
import { AuditEventQuery } from "@/lib/validation/audit-queries";
import { defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ permission: "audit:read", query: AuditEventQuery }, async ({ query }) => {
  return NextResponse.json(await pageAuditEvents(getDb(), query));
});
