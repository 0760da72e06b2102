import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

/** The list's shape while the first page loads: toolbar, then rows with a name, schedule, next run and strip. */
export function JobsListSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading jobs">
      <div className="flex flex-col gap-2 lg:flex-row">
        <Skeleton className="h-9 w-full lg:max-w-xs" />
        <div className="grid grid-cols-2 gap-2 sm:flex">
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} className="h-9 sm:w-28" />
          ))}
        </div>
      </div>
      <Card className="gap-0 py-0">
        <div className="border-b bg-muted/40 px-4 py-3">
          <Skeleton className="h-4 w-1/3" />
        </div>
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex items-center gap-6 border-b px-4 py-4 last:border-0">
            <div className="flex-1 space-y-2">
              <Skeleton className="h-4 w-40" />
              <Skeleton className="h-3 w-56" />
            </div>
            <Skeleton className="hidden h-4 w-36 md:block" />
            <Skeleton className="h-4 w-20" />
            <div className="hidden gap-[3px] sm:flex">
              {Array.from({ length: 10 }, (_, j) => (
                <Skeleton key={j} className="size-3 rounded-[3px]" />
              ))}
            </div>
          </div>
        ))}
      </Card>
    </div>
  );
}
