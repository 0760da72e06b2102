"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowDown } from "lucide-react";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { LOG_PAGE_SIZE, LOG_POLL_MS, runKeys, runLogsQuery } from "@/lib/queries/runs";
import type { RunLogPage } from "@/lib/runs/read";
import { cn } from "@/lib/utils";

const STREAM_STYLE = {
  stdout: "text-foreground",
  stderr: "text-red-600 dark:text-red-400",
  system: "text-sky-700 dark:text-sky-400 italic",
} as const;

/** Within this many pixels of the bottom counts as "at the bottom": the view keeps following new lines. */
const FOLLOW_SLACK_PX = 24;

/**
 * A run's log with a live tail: while the run is not over, the next page after the last line read
 * is fetched every second, and the view follows new lines until the reader scrolls up.
 */
export function RunLog({ runId }: { runId: string }) {
  const queryClient = useQueryClient();
  const { data, error, hasNextPage, fetchNextPage, isFetchingNextPage } = useInfiniteQuery(runLogsQuery(runId));
  const pages = data?.pages ?? [];
  const lines = pages.flatMap((page) => page.items);
  const last = pages.at(-1);
  const truncated = last?.truncated ?? false;
  const complete = last?.complete ?? false;

  // A full page means more lines are waiting: read on at once. A short one is the tail for now:
  // look again in a moment. Empty polls are dropped from the cache so a long quiet run doesn't
  // pile up pages (and the position is kept by the last page with lines, or afterSeq 0).
  useEffect(() => {
    if (!hasNextPage || isFetchingNextPage || error) return;
    const full = (last?.items.length ?? 0) >= LOG_PAGE_SIZE;
    const timer = setTimeout(
      () => {
        queryClient.setQueryData<{ pages: RunLogPage[]; pageParams: number[] }>(runKeys.logs(runId), (current) => {
          if (!current || current.pages.length < 2 || current.pages.at(-1)!.items.length > 0) return current;
          return { pages: current.pages.slice(0, -1), pageParams: current.pageParams.slice(0, -1) };
        });
        void fetchNextPage();
      },
      full ? 0 : LOG_POLL_MS,
    );
    return () => clearTimeout(timer);
  }, [hasNextPage, isFetchingNextPage, error, last, fetchNextPage, queryClient, runId]);

  // The log's end means the run ended: refresh its status now instead of at the next poll.
  useEffect(() => {
    if (complete) void queryClient.invalidateQueries({ queryKey: runKeys.detail(runId) });
  }, [complete, queryClient, runId]);

  const scroller = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && following) element.scrollTop = element.scrollHeight;
  }, [lines.length, following]);

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    setFollowing(element.scrollHeight - element.scrollTop - element.clientHeight <= FOLLOW_SLACK_PX);
  };

  return (
    <div className="space-y-2">
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          Could not read the log: {error.message}
        </p>
      ) : null}
      <div className="relative">
        <div
          ref={scroller}
          onScroll={onScroll}
          role="log"
          aria-label="Run log"
          aria-live="polite"
          className="max-h-[28rem] min-h-24 overflow-auto rounded-md border bg-muted/40 py-2 font-mono text-xs leading-5"
        >
          {lines.length === 0 ? (
            <p className="px-3 text-muted-foreground">{!data ? "Loading the log…" : complete ? "This run wrote no log lines." : "No output yet; new lines appear here as the run writes them."}</p>
          ) : (
            <table className="w-full border-collapse">
              <tbody>
                {lines.map((line) => (
                  <tr key={line.seq} data-stream={line.stream} className="align-top hover:bg-muted">
                    <td className="w-px pr-3 pl-3 text-right text-muted-foreground/70 tabular-nums select-none">{line.seq}</td>
                    <td className={cn("pr-3 break-all whitespace-pre-wrap", STREAM_STYLE[line.stream])} title={`${line.stream} at ${line.at}`}>
                      {line.text}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        {!following && lines.length > 0 ? (
          <Button
            size="sm"
            variant="secondary"
            className="absolute right-3 bottom-3 shadow"
            onClick={() => {
              setFollowing(true);
              scroller.current?.scrollTo({ top: scroller.current.scrollHeight });
            }}
          >
            <ArrowDown /> {complete ? "Jump to end" : "Follow new lines"}
          </Button>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted-foreground">
        <span>{lines.length === 1 ? "1 line" : `${lines.length} lines`}</span>
        {complete ? <span>log complete</span> : <span className="inline-flex items-center gap-1.5"><span className="size-1.5 animate-pulse rounded-full bg-emerald-500" />live</span>}
        <span className="inline-flex gap-3">
          <span className={STREAM_STYLE.stdout}>stdout</span>
          <span className={STREAM_STYLE.stderr}>stderr</span>
          <span className={STREAM_STYLE.system}>system</span>
        </span>
      </div>
      {truncated ? (
        <p role="status" className="rounded-md border border-warning/50 bg-warning/10 px-3 py-2 text-sm">
          This log was truncated: the worker stopped recording lines once the run&apos;s log reached its size limit.
        </p>
      ) : null}
    </div>
  );
}
