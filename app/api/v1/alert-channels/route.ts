import { NextResponse } from "next/server";
import { z } from "zod";
import { AlertChannelInput } from "@/lib/alerts/channel-input";
import { listAlertChannels } from "@/lib/alerts/read";
import { createAlertChannel } from "@/lib/alerts/save-channel";
import { getDb } from "@/lib/db";
import { defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ permission: "alerts:manage", query: z.object({}) }, async () => {
  return NextResponse.json({ data: await listAlertChannels(getDb()) });
});

export const POST = defineRoute({ permission: "alerts:manage", query: z.object({}), body: AlertChannelInput }, async ({ body, caller }) => {
  return NextResponse.json({ data: await createAlertChannel(getDb(), body, caller.actor) }, { status: 201 });
});
