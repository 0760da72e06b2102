import { NextResponse } from "next/server";
import { z } from "zod";
import { testAlertChannel } from "@/lib/alerts/test-channel";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

/** Sends a test alert now and answers with the outcome: 200 either way, `ok: false` with the channel's error. */
export const POST = defineRoute({ permission: "alerts:manage", query: z.object({}) }, async ({ params }) => {
  return NextResponse.json({ data: await testAlertChannel(getDb(), params.id!, { publicUrl: env().SUNDIAL_PUBLIC_URL }) });
});
