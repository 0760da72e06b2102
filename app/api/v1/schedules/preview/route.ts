import { NextResponse } from "next/server";
import { z } from "zod";
import { env } from "@/lib/env";
import { previewSchedule } from "@/lib/schedule/preview";
import { PreviewRequest } from "@/lib/validation/schedule-preview";
import { defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

export const POST = defineRoute({ permission: "jobs:read", query: z.object({}), body: PreviewRequest }, async ({ body }) => {
  const preview = previewSchedule(body.trigger, {
    now: new Date(),
    count: body.count,
    locale: body.locale,
    defaultTimezone: env().SUNDIAL_TIMEZONE,
  });
  return NextResponse.json({ data: preview });
});
