import type { Db, LogStream, Prisma, RunSource, RunStatus } from "../db";
import { NotFoundError } from "../errors";
import { decodeCursor, encodeCursor } from "../keyset-cursor";
import { RUN_STATUSES } from "../validation/run-queries";
import { RUN_DTO_INCLUDE, toRunDto, type RunDto } from "./run-dto";

export function runNotFound(id: string): NotFoundError {
  return new NotFoundError(`No run with id "${id}"`);
}

export type RunFilters = {
  status?: RunStatus[];
  jobId?: string;
  source?: RunSource;
  /** scheduledFor at or after this instant. */
  from?: Date;
  /** scheduledFor before this instant. */
  to?: Date;
  limit?: number;
  /** nextCursor of the previous page. */
  cursor?: string;
};

/** A page of runs, newest first; nextCursor is null on the last page. */
export type RunPage = { items: RunDto[]; nextCursor: string | null };

// Keyset pages on (scheduledFor, id) (lib/keyset-cursor.ts).
const byNewest = (a: { scheduledFor: Date; id: string }, b: { scheduledFor: Date; id: string }) =>
  b.scheduledFor.getTime() - a.scheduledFor.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export async function listRuns(db: Db, { status, jobId, source, from, to, limit = 50, cursor }: RunFilters = {}): Promise<RunPage> {
  const where: Prisma.RunWhereInput[] = [];
  if (jobId) where.push({ jobId });
  if (source) where.push({ source });
  if (from) where.push({ scheduledFor: { gte: from } });
  if (to) where.push({ scheduledFor: { lt: to } });
  if (cursor) {
    const after = decodeCursor(cursor);
    where.push({ OR: [{ scheduledFor: { lt: after.at } }, { scheduledFor: after.at, id: { lt: after.id } }] });
  }
  const page = (extra: Prisma.RunWhereInput[]) =>
    db.run.findMany({ where: { AND: [...where, ...extra] }, orderBy: [{ scheduledFor: "desc" }, { id: "desc" }], take: limit + 1, include: RUN_DTO_INCLUDE });
  const asked = new Set(status ?? []);
  // Every status asked for is no filter at all.
  const statuses = asked.size === RUN_STATUSES.length ? [] : [...asked];
  let rows;
  if (statuses.length <= 1) {
    rows = await page(statuses.length === 1 ? [{ status: statuses[0] }] : []);
  } else {
    // One indexed read per status, merged here: "status IN (a, b)" can't walk the (status,
    // scheduledFor) index in order, so the database sorted every matching run to return 50; with a
    // million runs that took ~380 ms on SQLite (failed, timed_out, lost), against ~1 ms per status.
    const perStatus = await Promise.all(statuses.map((one) => page([{ status: one }])));
    rows = perStatus.flat().sort(byNewest).slice(0, limit + 1);
  }
  const items = rows.slice(0, limit);
  return { items: items.map(toRunDto), nextCursor: rows.length > limit ? encodeCursor({ at: items.at(-1)!.scheduledFor, id: items.at(-1)!.id }) : null };
}

export type RunDetail = RunDto & {
  errorStack: string | null;
  /** Every attempt of the same request, first to last, this run included. */
  retryChain: RunDto[];
};

/** A retry chain is at most the job's maxAttempts (≤ 20) long; the bound only guards against a cycle edited in by hand. */
const MAX_CHAIN = 100;

/** Only a run that ended in one of these is ever retried (finish-run.ts, reap-expired.ts): others end their chain. */
const RETRIED: RunStatus[] = ["failed", "timed_out", "lost"];

export async function getRun(db: Db, id: string): Promise<RunDetail> {
  const run = await db.run.findUnique({ where: { id }, include: RUN_DTO_INCLUDE });
  if (!run) throw runNotFound(id);
  const before: RunDto[] = [];
  for (let at = run.retryOfId; at && before.length < MAX_CHAIN; ) {
    const previous = await db.run.findUnique({ where: { id: at }, include: RUN_DTO_INCLUDE });
    if (!previous) break;
    before.unshift(toRunDto(previous));
    at = previous.retryOfId;
  }
  const after: RunDto[] = [];
  let last: { id: string; status: RunStatus } = run;
  while (after.length < MAX_CHAIN && RETRIED.includes(last.status)) {
    // retryOfId has no index of its own: the job's (jobId, scheduledFor) index narrows the search to
    // this job's runs, a retry being always of the same job.
    const next = await db.run.findFirst({ where: { jobId: run.jobId, retryOfId: last.id }, orderBy: { attempt: "asc" }, include: RUN_DTO_INCLUDE });
    if (!next) break;
    after.push(toRunDto(next));
    last = next;
  }
  const dto = toRunDto(run);
  return { ...dto, errorStack: run.errorStack, retryChain: [...before, dto, ...after] };
}

export type RunLogLine = { seq: number; at: string; stream: LogStream; text: string };

export type RunLogPage = {
  items: RunLogLine[];
  /** Pass as afterSeq to read on; equal to the afterSeq sent when there was nothing new. */
  nextAfterSeq: number;
  /** The run has ended and every line was read: polling again will bring nothing. */
  complete: boolean;
  /** The worker stopped recording lines past the log size limit. */
  truncated: boolean;
};

const ENDED: RunStatus[] = ["succeeded", "failed", "timed_out", "missed", "skipped", "canceled", "lost"];

/** A run's log lines after `afterSeq`, in order. */
export async function listRunLogs(db: Db, runId: string, { afterSeq = 0, limit = 500 }: { afterSeq?: number; limit?: number } = {}): Promise<RunLogPage> {
  const run = await db.run.findUnique({ where: { id: runId }, select: { status: true, logTruncated: true } });
  if (!run) throw runNotFound(runId);
  const rows = await db.runLog.findMany({ where: { runId, seq: { gt: afterSeq } }, orderBy: { seq: "asc" }, take: limit + 1 });
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => ({ seq: row.seq, at: row.at.toISOString(), stream: row.stream, text: row.text })),
    nextAfterSeq: page.at(-1)?.seq ?? afterSeq,
    complete: ENDED.includes(run.status) && rows.length <= limit,
    truncated: run.logTruncated,
  };
}

export type JobOption = { id: string; name: string };

/** How many jobs the runs filter offers by name; past that, a job is still reachable by its jobId in the URL. */
export const JOB_OPTIONS_LIMIT = 1000;

/** The jobs a runs filter can name, alphabetically: the picker on the runs page. */
export async function listJobOptions(db: Db): Promise<JobOption[]> {
  return db.job.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" }, take: JOB_OPTIONS_LIMIT });
}
