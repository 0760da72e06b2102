import { NextResponse } from "next/server";
import { AlertDeliveryQuery } from "@/lib/alerts/channel-input";
import { listAlertDeliveries } from "@/lib/alerts/read";
import { getDb } from "@/lib/db";
import { defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ permission: "alerts:manage", query: AlertDeliveryQuery }, async ({ query }) => {
  return NextResponse.json({ data: await listAlertDeliveries(getDb(), query) });
});
