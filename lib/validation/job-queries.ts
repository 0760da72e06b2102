// Query strings of the job API: what a list can be filtered and sorted by.
import { z } from "zod";
import { JOB_KINDS } from "./job-input";

export const JOB_SORTS = ["name", "-name", "nextRunAt", "-nextRunAt", "createdAt", "-createdAt", "updatedAt", "-updatedAt"] as const;
export type JobSort = (typeof JOB_SORTS)[number];

export const JOB_STATUSES = ["active", "paused"] as const;
export type JobStatusFilter = (typeof JOB_STATUSES)[number];

export const JOB_LIST_DEFAULTS = { page: 1, pageSize: 50, sort: "name" } as const;

const FLAG_VALUES = ["1", "true", "0", "false"] as const;

export const JobListQuery = z.object({
  page: z.coerce.number({ error: "page must be a number" }).int({ error: "page must be a whole number" }).min(1, { error: "page must be at least 1" }).default(JOB_LIST_DEFAULTS.page),
  pageSize: z.coerce
    .number({ error: "pageSize must be a number" })
    .int({ error: "pageSize must be a whole number" })
    .min(1, { error: "pageSize must be at least 1" })
    .max(200, { error: "pageSize must be at most 200" })
    .default(JOB_LIST_DEFAULTS.pageSize),
  /** Part of the name, in any case. */
  q: z.string().trim().max(200, { error: "q must be at most 200 characters" }).optional(),
  status: z.enum(JOB_STATUSES, { error: `status must be one of ${JOB_STATUSES.join(", ")}` }).optional(),
  kind: z.enum(JOB_KINDS as ["http", "shell", "task"], { error: `kind must be one of ${JOB_KINDS.join(", ")}` }).optional(),
  tag: z.string().trim().toLowerCase().min(1, { error: "tag cannot be empty" }).optional(),
  /** Only jobs whose most recent finished run failed, timed out or was lost (1 / true), or the others (0 / false). */
  failing: z
    .enum(FLAG_VALUES, { error: "failing must be 1 or 0 (or true or false)" })
    .transform((flag) => flag === "1" || flag === "true")
    .optional(),
  sort: z.enum(JOB_SORTS, { error: `sort must be one of ${JOB_SORTS.join(", ")}` }).default(JOB_LIST_DEFAULTS.sort),
});
export type JobListQuery = z.infer<typeof JobListQuery>;

/** A view of the jobs list as the dashboard's URL holds it: only what differs from the defaults. */
export type JobListView = {
  page?: number;
  q?: string;
  status?: JobStatusFilter;
  kind?: JobListQuery["kind"];
  tag?: string;
  failing?: true;
  sort?: JobSort;
};

/**
 * Reads the dashboard's URL leniently: a hand-edited or stale parameter is dropped, not an error
 * page (the API, which clients program against, answers 422 instead). Defaults are left out, so the
 * server's prefetch and the browser's query share one cache key for the same view.
 */
export function jobListViewFrom(params: Record<string, string | string[] | undefined> | URLSearchParams): JobListView {
  const get = (key: string): string | undefined => {
    const value = params instanceof URLSearchParams ? params.get(key) ?? undefined : params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const field = <K extends keyof typeof JobListQuery.shape>(key: K) => {
    const raw = get(key);
    if (raw === undefined || raw === "") return undefined;
    const parsed = JobListQuery.shape[key].safeParse(raw);
    return parsed.success ? (parsed.data as z.infer<(typeof JobListQuery.shape)[K]>) : undefined;
  };
  const view: JobListView = {};
  const page = field("page");
  if (page !== undefined && page !== JOB_LIST_DEFAULTS.page) view.page = page;
  const q = field("q");
  if (q) view.q = q;
  const status = field("status");
  if (status) view.status = status;
  const kind = field("kind");
  if (kind) view.kind = kind;
  const tag = field("tag");
  if (tag) view.tag = tag;
  if (field("failing") === true) view.failing = true;
  const sort = field("sort");
  if (sort && sort !== JOB_LIST_DEFAULTS.sort) view.sort = sort;
  return view;
}

/** The query string of a view, in a stable order (`?q=…&status=…&…&page=2`); empty for the default view. */
export function jobListSearch(view: JobListView): string {
  const params = new URLSearchParams();
  if (view.q) params.set("q", view.q);
  if (view.status) params.set("status", view.status);
  if (view.kind) params.set("kind", view.kind);
  if (view.tag) params.set("tag", view.tag);
  if (view.failing) params.set("failing", "1");
  if (view.sort) params.set("sort", view.sort);
  if (view.page && view.page > 1) params.set("page", String(view.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The same view with defaults left out, so equal views make equal cache keys. */
export function normalizeJobListView(view: JobListView): JobListView {
  return jobListViewFrom(new URLSearchParams(jobListSearch(view)));
}

/** What listJobs is asked for a view (the API's defaults filled in). */
export function jobFiltersOf(view: JobListView): JobListQuery {
  return {
    page: view.page ?? JOB_LIST_DEFAULTS.page,
    pageSize: JOB_LIST_DEFAULTS.pageSize,
    sort: view.sort ?? JOB_LIST_DEFAULTS.sort,
    q: view.q,
    status: view.status,
    kind: view.kind,
    tag: view.tag,
    failing: view.failing,
  };
}
