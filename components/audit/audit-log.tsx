import Link from "next/link";
import { Instant } from "@/components/time/instant";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AuditChange } from "@/lib/audit/diff";
import type { AuditEventDto } from "@/lib/audit/read";
import type { AuditViewFilter } from "./audit-filters";

export type AuditLogEntry = Omit<AuditEventDto, "before" | "after"> & { changes: AuditChange[] };

type AuditLogProps = { entries: AuditLogEntry[]; total: number; page: number; pageSize: number; filter: AuditViewFilter };

export function AuditLog({ entries, total, page, pageSize, filter }: AuditLogProps) {
  if (entries.length === 0) {
    return <EmptyState title="No audit events" description={total > 0 ? "This page is past the last one." : "Nothing matches these filters yet."} />;
  }
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="space-y-4">
      <Table aria-label="Audit events">
        <TableHeader>
          <TableRow>
            <TableHead>When</TableHead>
            <TableHead>Actor</TableHead>
            <TableHead>Action</TableHead>
            <TableHead>Target</TableHead>
            <TableHead>Changes</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((entry) => (
            <TableRow key={entry.id} className="align-top">
              <TableCell>
                <Instant value={entry.at} />
              </TableCell>
              <TableCell>
                <span className="block">{entry.actor.label}</span>
                <span className="text-xs text-muted-foreground">{entry.actor.type}</span>
              </TableCell>
              <TableCell>
                <Badge variant="outline" className="font-mono">
                  {entry.action}
                </Badge>
              </TableCell>
              <TableCell>
                <span className="block">{entry.target.type}</span>
                <span className="font-mono text-xs text-muted-foreground">{entry.target.id ?? "—"}</span>
              </TableCell>
              <TableCell className="whitespace-normal">
                <Changes changes={entry.changes} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <nav aria-label="Pages" className="flex items-center justify-between text-sm text-muted-foreground">
        <span>
          Page {page} of {pages} · {total} {total === 1 ? "event" : "events"}
        </span>
        <div className="flex gap-2">
          {page > 1 ? (
            <Link href={pageHref(filter, page - 1)} className={buttonVariants({ variant: "outline", size: "sm" })}>
              Newer
            </Link>
          ) : null}
          {page < pages ? (
            <Link href={pageHref(filter, page + 1)} className={buttonVariants({ variant: "outline", size: "sm" })}>
              Older
            </Link>
          ) : null}
        </div>
      </nav>
    </div>
  );
}

function pageHref(filter: AuditViewFilter, page: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value) params.set(name, value);
  params.set("page", String(page));
  return `/settings/audit?${params.toString()}`;
}

/** Before → after per field; folded away when long, so a page of creations stays scannable. */
function Changes({ changes }: { changes: AuditChange[] }) {
  if (changes.length === 0) return <span className="text-muted-foreground">no field changed</span>;
  const table = (
    <table className="mt-1 w-full font-mono text-xs">
      <tbody>
        {changes.map((change) => (
          <tr key={change.path} className="border-t first:border-t-0">
            <th scope="row" className="py-1 pr-3 text-left align-top font-medium">
              {change.path}
            </th>
            <td className="py-1 pr-3 align-top break-all text-red-700 dark:text-red-400">{change.before === undefined ? null : <del>{change.before}</del>}</td>
            <td className="py-1 align-top break-all text-green-700 dark:text-green-400">{change.after === undefined ? null : <ins className="no-underline">{change.after}</ins>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (changes.length <= 4) return table;
  return (
    <details>
      <summary className="cursor-pointer text-sm">{changes.length} fields</summary>
      {table}
    </details>
  );
}
