// A run as the API sends it and React Query caches it: instants as ISO strings, with its job's name.
// The claim token stays on the server: it is the fencing token of the worker that holds the run.
import type { Prisma, Run, RunSource, RunStatus } from "../db";

export type RunDto = {
  id: string;
  jobId: string;
  jobName: string;
  /** The schedule slot; null for manual, API and retry runs. */
  slotAt: string | null;
  scheduledFor: string;
  source: RunSource;
  status: RunStatus;
  reason: string | null;
  attempt: number;
  retryOfId: string | null;
  workerId: string | null;
  cancelRequestedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  latenessMs: number | null;
  exitCode: number | null;
  httpStatus: number | null;
  errorMessage: string | null;
  outputSummary: string | null;
  /** This run's payload, overriding the job's default; null when the job's is used. */
  payload: Prisma.JsonValue | null;
  logLineCount: number;
  logTruncated: boolean;
  requestedById: string | null;
  createdAt: string;
};

/** What toRunDto needs beside the run's own columns. */
export const RUN_DTO_INCLUDE = { job: { select: { name: true } } } as const;

export type RunRowWithJob = Run & { job: { name: string } };

const isoOrNull = (at: Date | null): string | null => at?.toISOString() ?? null;

export function toRunDto(row: RunRowWithJob): RunDto {
  return {
    id: row.id,
    jobId: row.jobId,
    jobName: row.job.name,
    slotAt: isoOrNull(row.slotAt),
    scheduledFor: row.scheduledFor.toISOString(),
    source: row.source,
    status: row.status,
    reason: row.reason,
    attempt: row.attempt,
    retryOfId: row.retryOfId,
    workerId: row.workerId,
    cancelRequestedAt: isoOrNull(row.cancelRequestedAt),
    startedAt: isoOrNull(row.startedAt),
    finishedAt: isoOrNull(row.finishedAt),
    durationMs: row.durationMs,
    latenessMs: row.latenessMs,
    exitCode: row.exitCode,
    httpStatus: row.httpStatus,
    errorMessage: row.errorMessage,
    outputSummary: row.outputSummary,
    payload: row.payload,
    logLineCount: row.logLineCount,
    logTruncated: row.logTruncated,
    requestedById: row.requestedById,
    createdAt: row.createdAt.toISOString(),
  };
}
