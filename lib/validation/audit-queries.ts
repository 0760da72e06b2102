// Query string of GET /api/v1/audit-events: filters and keyset paging.
import { z } from "zod";

const text = (field: string) => z.string().trim().min(1, { error: `${field} cannot be empty` }).max(200, { error: `${field} must be at most 200 characters` });
const instant = (field: string) =>
  z.iso.datetime({ offset: true, error: `${field} must be an ISO 8601 instant with a zone, e.g. 2026-12-01T10:15:00Z` }).transform((iso) => new Date(iso));

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
    from: instant("from").optional(),
    /** Before this instant. */
    to: instant("to").optional(),
    limit: z.coerce
      .number({ error: "limit must be a number" })
      .int({ error: "limit must be a whole number" })
      .min(1, { error: "limit must be at least 1" })
      .max(200, { error: "limit must be at most 200" })
      .default(50),
    /** nextCursor of the previous page. */
    cursor: z.string().min(1, { error: "cursor cannot be empty" }).optional(),
  })
  .refine((query) => !query.from || !query.to || query.from < query.to, { path: ["to"], error: "to must be after from" });
export type AuditEventQuery = z.infer<typeof AuditEventQuery>;
