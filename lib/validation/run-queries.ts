// Query strings of the run API: list filters and log paging.
import { z } from "zod";
import type { RunSource, RunStatus } from "../db";

export const RUN_STATUSES = ["queued", "running", "succeeded", "failed", "timed_out", "missed", "skipped", "canceled", "lost"] as const satisfies readonly RunStatus[];
export const RUN_SOURCES = ["schedule", "manual", "api", "retry"] as const satisfies readonly RunSource[];

const instant = (field: string) =>
  z.iso.datetime({ offset: true, error: `${field} must be an ISO 8601 instant with a zone, e.g. 2026-12-01T10:15:00Z` }).transform((iso) => new Date(iso));

export const RunListQuery = z
  .object({
    /** One status or several, comma-separated: status=failed,timed_out. */
    status: z
      .string()
      .transform((list) => list.split(",").map((status) => status.trim()).filter(Boolean))
      .pipe(z.array(z.enum(RUN_STATUSES, { error: `each status must be one of ${RUN_STATUSES.join(", ")}` })))
      .optional(),
    jobId: z.string().min(1, { error: "jobId cannot be empty" }).optional(),
    source: z.enum(RUN_SOURCES, { error: `source must be one of ${RUN_SOURCES.join(", ")}` }).optional(),
    /** scheduledFor at or after. */
    from: instant("from").optional(),
    /** scheduledFor before. */
    to: instant("to").optional(),
    limit: z.coerce
      .number({ error: "limit must be a number" })
      .int({ error: "limit must be a whole number" })
      .min(1, { error: "limit must be at least 1" })
      .max(200, { error: "limit must be at most 200" })
      .default(50),
    cursor: z.string().min(1, { error: "cursor cannot be empty" }).optional(),
  })
  .refine((query) => !query.from || !query.to || query.from < query.to, { path: ["to"], error: "to must be after from" });
export type RunListQuery = z.infer<typeof RunListQuery>;

export const RunLogQuery = z.object({
  afterSeq: z.coerce.number({ error: "afterSeq must be a number" }).int({ error: "afterSeq must be a whole number" }).min(0, { error: "afterSeq cannot be negative" }).default(0),
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int({ error: "limit must be a whole number" })
    .min(1, { error: "limit must be at least 1" })
    .max(1000, { error: "limit must be at most 1000" })
    .default(500),
});
export type RunLogQuery = z.infer<typeof RunLogQuery>;
