import { CheckCircle2 } from "lucide-react";
import Link from "next/link";
import { RunStatusBadge } from "@/components/jobs/run-status-badge";
import { Instant } from "@/components/time/instant";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { AttentionList as List, AttentionRun } from "@/lib/overview/needs-attention";
import { formatCount } from "./run-series";

function Item({ run, when }: { run: AttentionRun; when: string }) {
  return (
    <li className="flex flex-col gap-1 py-3 sm:flex-row sm:items-start sm:gap-3" data-testid="attention-item">
      <div className="w-20 shrink-0">
        <RunStatusBadge status={run.status} />
      </div>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <Link href={`/jobs/${run.jobId}`} className="truncate font-medium hover:underline">
            {run.jobName}
          </Link>
          {run.jobPaused ? <Badge variant="outline">paused</Badge> : null}
        </div>
        {run.message ? <p className="mt-0.5 line-clamp-2 text-sm break-words text-muted-foreground">{run.message}</p> : null}
      </div>
      <div className="flex shrink-0 items-center gap-3 text-sm text-muted-foreground">
        <Instant value={when} />
        <Link href={`/runs/${run.runId}`} className="font-medium text-foreground hover:underline">
          View run
        </Link>
      </div>
    </li>
  );
}

function Section({ title, list, moreHref, when, testId }: { title: string; list: List; moreHref: string; when: (run: AttentionRun) => string; testId: string }) {
  if (list.total === 0) return null;
  const more = list.total - list.items.length;
  return (
    <section aria-label={title} data-testid={testId}>
      <h3 className="flex items-center gap-2 text-sm font-medium">
        {title}
        <Badge variant="secondary" className="tabular-nums">
          {formatCount(list.total)}
        </Badge>
      </h3>
      <ul className="divide-y">
        {list.items.map((run) => (
          <Item key={run.runId} run={run} when={when(run)} />
        ))}
      </ul>
      {more > 0 ? (
        <Link href={moreHref} className="text-sm text-muted-foreground hover:text-foreground hover:underline">
          and {formatCount(more)} more
        </Link>
      ) : null}
    </section>
  );
}

/** Failing jobs and recent misfires, or an "all clear". */
export function AttentionList({ failing, misfires, since }: { failing: List; misfires: List; since: string }) {
  if (failing.total === 0 && misfires.total === 0) {
    return (
      <EmptyState
        icon={<CheckCircle2 className="text-success" />}
        title="All clear"
        description="No job's latest run failed, and no run was missed in the last 24 hours."
        className="py-10 md:py-10"
        data-testid="attention-all-clear"
      />
    );
  }
  return (
    <div className="space-y-6">
      <Section
        title="Failing jobs"
        testId="attention-failing"
        list={failing}
        moreHref="/runs?status=failed,timed_out,lost"
        when={(run) => run.at}
      />
      <Section
        title="Missed in the last 24 hours"
        testId="attention-missed"
        list={misfires}
        moreHref={`/runs?status=missed&from=${encodeURIComponent(since)}`}
        when={(run) => run.scheduledFor}
      />
    </div>
  );
}
