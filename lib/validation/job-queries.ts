// Query strings of the job API: what a list can be filtered and sorted by.
import { z } from "zod";
import { JOB_KINDS } from "./job-input";

export const JOB_SORTS = ["name", "-name", "nextRunAt", "-nextRunAt", "createdAt", "-createdAt", "updatedAt", "-updatedAt"] as const;
export type JobSort = (typeof JOB_SORTS)[number];

export const JOB_STATUSES = ["active", "paused"] as const;

export const JobListQuery = z.object({
  page: z.coerce.number({ error: "page must be a number" }).int({ error: "page must be a whole number" }).min(1, { error: "page must be at least 1" }).default(1),
  pageSize: z.coerce
    .number({ error: "pageSize must be a number" })
    .int({ error: "pageSize must be a whole number" })
    .min(1, { error: "pageSize must be at least 1" })
    .max(200, { error: "pageSize must be at most 200" })
    .default(50),
  /** Part of the name, in any case. */
  q: z.string().trim().max(200, { error: "q must be at most 200 characters" }).optional(),
  status: z.enum(JOB_STATUSES, { error: `status must be one of ${JOB_STATUSES.join(", ")}` }).optional(),
  kind: z.enum(JOB_KINDS as ["http", "shell", "task"], { error: `kind must be one of ${JOB_KINDS.join(", ")}` }).optional(),
  tag: z.string().trim().toLowerCase().min(1, { error: "tag cannot be empty" }).optional(),
  sort: z.enum(JOB_SORTS, { error: `sort must be one of ${JOB_SORTS.join(", ")}` }).default("name"),
});
export type JobListQuery = z.infer<typeof JobListQuery>;
