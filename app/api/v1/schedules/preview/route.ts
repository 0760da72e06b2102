import { NextResponse } from "next/server";
import { z } from "zod";
import { env } from "@/lib/env";
import { LOCALES } from "@/lib/schedule/describe";
import { previewSchedule } from "@/lib/schedule/preview";
import { defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

const PreviewRequest = z.object({
  trigger: z.unknown().refine((value) => value !== undefined, { error: "trigger is required" }),
  count: z.int({ error: "count must be a whole number" }).min(1, { error: "count must be at least 1" }).max(100, { error: "count must be at most 100" }).default(5),
  locale: z.enum(LOCALES, { error: `locale must be one of ${LOCALES.join(", ")}` }).default("en"),
}, { error: "the body must be a JSON object with a trigger" });

export const POST = defineRoute({ permission: "jobs:read", query: z.object({}), body: PreviewRequest }, async ({ body }) => {
  const preview = previewSchedule(body.trigger, {
    now: new Date(),
    count: body.count,
    locale: body.locale,
    defaultTimezone: env().SUNDIAL_TIMEZONE,
  });
  return NextResponse.json({ data: preview });
});
