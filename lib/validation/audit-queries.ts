// Query string of GET /api/v1/audit-events: filters and keyset paging.
import { z } from "zod";
import { isoInstant, pageLimit } from "./list-query-fields";

const text = (field: string) => z.string().trim().min(1, { error: `${field} cannot be empty` }).max(200, { error: `${field} must be at most 200 characters` });

export const AuditEventQuery = z
  .object({
    /** Part of the actor's label: an email, a token name. */
    actor: text("actor").optional(),
    /** Exactly, e.g. job.create. */
    action: text("action").optional(),
    /** Exactly, e.g. job, user, api_token. */
    targetType: text("targetType").optional(),
    targetId: text("targetId").optional(),
    /** At or after this instant. */
    from: isoInstant("from").optional(),
    /** Before this instant. */
    to: isoInstant("to").optional(),
    limit: pageLimit(),
    /** nextCursor of the previous page. */
    cursor: z.string().min(1, { error: "cursor cannot be empty" }).optional(),
  })
  .refine((query) => !query.from || !query.to || query.from < query.to, { path: ["to"], error: "to must be after from" });
export type AuditEventQuery = z.infer<typeof AuditEventQuery>;
