// Query strings of the run API: list filters and log paging.
import { z } from "zod";
import { isoInstant, pageLimit } from "./list-query-fields";
import type { RunSource, RunStatus } from "../db";

export const RUN_STATUSES = ["queued", "running", "succeeded", "failed", "timed_out", "missed", "skipped", "canceled", "lost"] as const satisfies readonly RunStatus[];
export const RUN_SOURCES = ["schedule", "manual", "api", "retry"] as const satisfies readonly RunSource[];


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
    from: isoInstant("from").optional(),
    /** scheduledFor before. */
    to: isoInstant("to").optional(),
    limit: pageLimit(),
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

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A yyyy-mm-dd day of the runs page's date inputs, or undefined when absent or not a real day. */
function utcDay(value: string | undefined): Date | undefined {
  if (!value || !DAY.test(value)) return undefined;
  const at = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== value ? undefined : at;
}

const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

export type RunPageSearch = {
  /** Instants for the API (ISO), from the UTC days the form shows. */
  filters: { status?: RunStatus[]; jobId?: string; source?: RunSource; from?: string; to?: string };
  /** What the form shows back: the days as typed (the "to" day included), or "" when unset. */
  form: { status: RunStatus[]; jobId: string; source: string; fromDay: string; toDay: string };
};

/**
 * The runs page's URL (status=failed&status=lost or status=failed,lost, jobId, source, from and to
 * as UTC days, to included). A hand-edited URL is a view, not input to keep: values that don't parse
 * are dropped rather than turned into an error page.
 */
export function parseRunPageSearch(search: Record<string, string | string[] | undefined>): RunPageSearch {
  const rawStatus = search.status === undefined ? [] : [search.status].flat();
  const status = [...new Set(rawStatus.flatMap((value) => value.split(",")).map((value) => value.trim()))].filter((value): value is RunStatus =>
    (RUN_STATUSES as readonly string[]).includes(value),
  );
  const jobId = one(search.jobId);
  const sourceText = one(search.source);
  const source = sourceText && (RUN_SOURCES as readonly string[]).includes(sourceText) ? (sourceText as RunSource) : undefined;
  const from = utcDay(one(search.from));
  let to = utcDay(one(search.to));
  if (from && to && to < from) to = undefined;
  return {
    filters: {
      status: status.length > 0 ? status : undefined,
      jobId,
      source,
      from: from?.toISOString(),
      to: to ? new Date(to.getTime() + DAY_MS).toISOString() : undefined,
    },
    form: { status, jobId: jobId ?? "", source: source ?? "", fromDay: from?.toISOString().slice(0, 10) ?? "", toDay: to?.toISOString().slice(0, 10) ?? "" },
  };
}
