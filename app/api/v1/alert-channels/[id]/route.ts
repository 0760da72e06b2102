import { NextResponse } from "next/server";
import { z } from "zod";
import { AlertChannelInput } from "@/lib/alerts/channel-input";
import { getAlertChannel } from "@/lib/alerts/read";
import { deleteAlertChannel, updateAlertChannel } from "@/lib/alerts/save-channel";
import { getDb } from "@/lib/db";
import { defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ permission: "alerts:manage", query: z.object({}) }, async ({ params }) => {
  return NextResponse.json({ data: await getAlertChannel(getDb(), params.id!) });
});

/** Secret fields sent empty (url, signingSecret, password) keep their stored values. */
export const PUT = defineRoute({ permission: "alerts:manage", query: z.object({}), body: AlertChannelInput }, async ({ body, params, caller }) => {
  return NextResponse.json({ data: await updateAlertChannel(getDb(), params.id!, body, caller.actor) });
});

export const DELETE = defineRoute({ permission: "alerts:manage", query: z.object({}) }, async ({ params, caller }) => {
  return NextResponse.json({ data: await deleteAlertChannel(getDb(), params.id!, caller.actor) });
});
