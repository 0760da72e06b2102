"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { TableHead } from "@/components/ui/table";
import type { JobSort } from "@/lib/validation/job-queries";
import { cn } from "@/lib/utils";

type SortKey = "name" | "nextRunAt" | "createdAt" | "updatedAt";

/** A column header that sorts by its column: a first click ascending, the next one descending. */
export function SortHeader({ column, label, sort, onSort, className }: { column: SortKey; label: string; sort: JobSort; onSort: (sort: JobSort) => void; className?: string }) {
  const direction = sort === column ? "ascending" : sort === `-${column}` ? "descending" : undefined;
  const Icon = direction === "ascending" ? ArrowUp : direction === "descending" ? ArrowDown : ArrowUpDown;
  return (
    <TableHead aria-sort={direction ?? "none"} className={className}>
      <button
        type="button"
        onClick={() => onSort(direction === "ascending" ? (`-${column}` as JobSort) : column)}
        className={cn(
          "-ml-1.5 inline-flex items-center gap-1 rounded-md px-1.5 py-1 outline-none hover:bg-accent hover:text-accent-foreground focus-visible:ring-2 focus-visible:ring-ring",
          !direction && "text-muted-foreground",
        )}
      >
        {label}
        <Icon aria-hidden className="size-3.5" />
      </button>
    </TableHead>
  );
}
