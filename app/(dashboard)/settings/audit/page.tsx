import type { Metadata } from "next";
import { z } from "zod";
import { AuditFilters, type AuditViewFilter } from "@/components/audit/audit-filters";
import { AuditLog } from "@/components/audit/audit-log";
import { diffAuditValues } from "@/lib/audit/diff";
import { listAuditEvents, listAuditFacets } from "@/lib/audit/read";
import { getDb } from "@/lib/db";
import { requirePermission } from "@/lib/web/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;

/** A hand-edited URL gets the unfiltered first page rather than an error page: the filters are a view, not input to keep. */
const filterText = z
  .string()
  .trim()
  .max(200)
  .transform((text) => text || undefined)
  .optional()
  .catch(undefined);
/** A datetime-local value (YYYY-MM-DDTHH:MM[:SS]), read as UTC; anything else is dropped. */
const wallTimeUtc = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/)
  .refine((text) => !Number.isNaN(Date.parse(`${text}Z`)))
  .optional()
  .catch(undefined);
const AuditParams = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  action: filterText,
  targetType: filterText,
  targetId: filterText,
  actor: filterText,
  from: wallTimeUtc,
  to: wallTimeUtc,
});

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("audit:read");
  const { page, ...filter }: { page: number } & AuditViewFilter = AuditParams.parse(await searchParams);
  const { from, to, ...exact } = filter;
  const instants = { from: from ? new Date(`${from}Z`) : undefined, to: to ? new Date(`${to}Z`) : undefined };
  const db = getDb();
  const [events, facets] = await Promise.all([listAuditEvents(db, { page, pageSize: PAGE_SIZE, ...exact, ...instants }), listAuditFacets(db)]);
  const entries = events.items.map(({ before, after, ...event }) => ({ ...event, changes: diffAuditValues(before, after) }));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="text-sm text-muted-foreground">
          Who changed what, newest first: jobs, users and API tokens, each with the fields it changed. Secret values never appear here.
        </p>
      </div>
      <AuditFilters filter={filter} actions={facets.actions} targetTypes={facets.targetTypes} />
      <AuditLog entries={entries} total={events.total} page={page} pageSize={PAGE_SIZE} filter={filter} />
    </div>
  );
}
