"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { Instant } from "@/components/time/instant";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { runQuery } from "@/lib/queries/runs";
import { formatDuration } from "./format";
import { RunActions, type RunAction } from "./run-actions";
import { RunLog } from "./run-log";
import { RunStatus } from "./run-status";
import { RunTimeline } from "./run-timeline";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_1fr] gap-2 py-1.5 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

const none = <span className="text-muted-foreground">—</span>;

export function RunDetail({ id, cancelAction, rerunAction }: { id: string; cancelAction: RunAction | null; rerunAction: RunAction | null }) {
  const { data: run, error } = useQuery(runQuery(id));
  if (!run) {
    return (
      <p role="alert" className="text-sm text-destructive">
        {error ? `Could not load this run: ${error.message}` : "Loading…"}
      </p>
    );
  }
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-1">
          <p className="text-sm text-muted-foreground">
            <Link href="/runs" className="hover:underline">
              Runs
            </Link>{" "}
            / <span className="font-mono text-xs">{run.id}</span>
          </p>
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
            <span className="truncate">Run of {run.jobName}</span>
            <RunStatus run={run} />
          </h1>
          {run.reason ? <p className="text-sm text-muted-foreground" data-testid="run-reason">{run.reason}</p> : null}
        </div>
        <RunActions run={run} cancelAction={cancelAction} rerunAction={rerunAction} />
      </div>
      {error ? <p className="text-sm text-destructive">Could not refresh: {error.message}</p> : null}

      <div className="grid gap-6 lg:grid-cols-[1fr_1.4fr]">
        <Card>
          <CardHeader>
            <CardTitle>Timeline</CardTitle>
          </CardHeader>
          <CardContent>
            <RunTimeline run={run} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="divide-y">
              <Fact label="Job">
                <Link href={`/jobs/${run.jobId}`} className="font-medium hover:underline">
                  {run.jobName}
                </Link>
              </Fact>
              <Fact label="Source">
                {run.source}
                {run.slotAt ? (
                  <span className="text-muted-foreground">
                    {" "}
                    · slot <Instant value={run.slotAt} />
                  </span>
                ) : null}
              </Fact>
              <Fact label="Attempt">{run.attempt}</Fact>
              <Fact label="Worker">{run.workerId ? <span className="font-mono text-xs">{run.workerId}</span> : none}</Fact>
              <Fact label="Duration">{run.durationMs !== null ? formatDuration(run.durationMs) : none}</Fact>
              <Fact label="Exit code">{run.exitCode ?? none}</Fact>
              <Fact label="HTTP status">{run.httpStatus ?? none}</Fact>
              <Fact label="Payload">
                {run.payload === null ? (
                  <span className="text-muted-foreground">the job&apos;s default</span>
                ) : (
                  <pre className="max-h-48 overflow-auto rounded-md bg-muted/50 p-2 font-mono text-xs whitespace-pre-wrap">{JSON.stringify(run.payload, null, 2)}</pre>
                )}
              </Fact>
            </dl>
          </CardContent>
        </Card>
      </div>

      {run.errorMessage ? (
        <Card className="border-destructive/40">
          <CardHeader>
            <CardTitle className="text-destructive">Error</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3">
            <pre className="font-mono text-sm break-words whitespace-pre-wrap" data-testid="run-error">{run.errorMessage}</pre>
            {run.errorStack ? (
              <details>
                <summary className="cursor-pointer text-sm text-muted-foreground">Stack trace</summary>
                <pre className="mt-2 max-h-72 overflow-auto rounded-md bg-muted/50 p-3 font-mono text-xs whitespace-pre">{run.errorStack}</pre>
              </details>
            ) : null}
          </CardContent>
        </Card>
      ) : null}

      {run.outputSummary !== null && run.outputSummary !== "" ? (
        <Card>
          <CardHeader>
            <CardTitle>{run.httpStatus !== null ? `Response (HTTP ${run.httpStatus})` : "Output"}</CardTitle>
            <CardDescription>{run.httpStatus !== null ? "The start of the response body, as text." : "What the run reported when it ended."}</CardDescription>
          </CardHeader>
          <CardContent>
            <pre data-testid="run-output" className="max-h-72 overflow-auto rounded-md bg-muted/50 p-3 font-mono text-xs break-words whitespace-pre-wrap">
              {run.outputSummary}
            </pre>
          </CardContent>
        </Card>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>Log</CardTitle>
        </CardHeader>
        <CardContent>
          <RunLog runId={run.id} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Attempts</CardTitle>
          <CardDescription>
            {run.retryChain.length === 1 ? "This run has not been retried." : `The first run and its retries: ${run.retryChain.length} attempts.`}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ol className="divide-y rounded-md border" aria-label="Retry chain">
            {run.retryChain.map((attempt) => (
              <li key={attempt.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2 text-sm" aria-current={attempt.id === run.id ? "page" : undefined}>
                <span className="w-20 font-medium">Attempt {attempt.attempt}</span>
                <RunStatus run={attempt} />
                <span className="text-muted-foreground">
                  <Instant value={attempt.scheduledFor} />
                </span>
                {attempt.id === run.id ? (
                  <Badge variant="outline">this run</Badge>
                ) : (
                  <Link href={`/runs/${attempt.id}`} className="font-mono text-xs hover:underline">
                    {attempt.id}
                  </Link>
                )}
              </li>
            ))}
          </ol>
        </CardContent>
      </Card>
    </div>
  );
}
