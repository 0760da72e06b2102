// The body of POST /api/v1/schedules/preview: a trigger to preview, how many fire times, which language.
import { z } from "zod";
import { LOCALES } from "../schedule/describe";

export const PreviewRequest = z.object(
  {
    trigger: z.unknown().refine((value) => value !== undefined, { error: "trigger is required" }),
    count: z.int({ error: "count must be a whole number" }).min(1, { error: "count must be at least 1" }).max(100, { error: "count must be at most 100" }).default(5),
    locale: z.enum(LOCALES, { error: `locale must be one of ${LOCALES.join(", ")}` }).default("en"),
  },
  { error: "the body must be a JSON object with a trigger" },
);
export type PreviewRequest = z.infer<typeof PreviewRequest>;
