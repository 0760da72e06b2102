// The one place a job's alert state changes. The change is claimed with a conditional write on the
// state row's version, and the alerts it
// raises are queued in the same transaction: of the web server and any number of workers evaluating
// the same runs, exactly one records the change and queues its alerts; the others write nothing.
import { dbProvider, sqlInstant, type AlertEvent, type AlertState, type Db } from "../db";
import type { AlertEventName, AlertStateName } from "./events";

export type ChannelTarget = { id: string; name: string; type: "webhook" | "slack" | "email"; global: boolean; events: unknown };

/** The state row as read; null when the job has none yet (healthy, nothing evaluated). */
export type SeenState = {
  state: AlertStateName;
  version: number;
  since: Date;
  reason: string | null;
  runId: string | null;
  evaluatedAt: Date | null;
  evaluatedRunId: string | null;
} | null;

export type NextState = Omit<NonNullable<SeenState>, "version">;

export type StateChange = { event: Exclude<AlertEventName, "test">; fromState: AlertStateName; runId: string | null; reason: string | null; occurredAt: Date };

export type JobTarget = { id: string; name: string; alertChannelIds: unknown };

/** Enabled channels that take this event from this job: the global ones and the job's own. */
export function channelsFor(channels: ChannelTarget[], job: JobTarget, event: string): ChannelTarget[] {
  const own = new Set(Array.isArray(job.alertChannelIds) ? (job.alertChannelIds as unknown[]).filter((id): id is string => typeof id === "string") : []);
  return channels.filter((channel) => (channel.global || own.has(channel.id)) && Array.isArray(channel.events) && (channel.events as unknown[]).includes(event));
}

/**
 * The job's state row, created healthy if it has none. An insert that ignores a conflict instead of
 * failing on it: on SQLite the worker's statements share one connection, and a transaction rolled
 * back on a unique violation would take other statements of the process with it.
 */
async function ensureStateRow(db: Db, jobId: string, now: Date): Promise<NonNullable<SeenState>> {
  const provider = dbProvider(db);
  await db.$executeRaw`INSERT INTO "JobAlertState" ("jobId", "state", "since", "version") VALUES (${jobId}, 'healthy', ${sqlInstant(provider, now)}, 1) ON CONFLICT ("jobId") DO NOTHING`;
  const row = await db.jobAlertState.findUniqueOrThrow({ where: { jobId } });
  return row;
}

/** Records `next` and queues one delivery per change and channel. False: another process got there first. */
export async function claimStateChange(
  db: Db,
  { job, seen, next, changes, channels, now }: { job: JobTarget; seen: SeenState; next: NextState; changes: StateChange[]; channels: ChannelTarget[]; now: Date },
): Promise<boolean> {
  // A job without a row is healthy at version 1: whoever claims its first change claims version 1,
  // so a process that created the row after another's claim finds version 2 and loses.
  const version = seen?.version ?? 1;
  if (!seen) {
    const created = await ensureStateRow(db, job.id, now);
    if (created.version !== 1 || created.evaluatedAt !== null) return false;
  }
  return db.$transaction(async (tx) => {
    const { count } = await tx.jobAlertState.updateMany({ where: { jobId: job.id, version }, data: { ...next, state: next.state as AlertState, version: { increment: 1 } } });
    if (count === 0) return false;
    const deliveries = changes.flatMap((change) =>
      channelsFor(channels, job, change.event).map((channel) => ({
        channelId: channel.id,
        channelName: channel.name,
        channelType: channel.type,
        jobId: job.id,
        jobName: job.name,
        runId: change.runId,
        event: change.event as AlertEvent,
        fromState: change.event === "recovery" ? (change.fromState as AlertState) : null,
        reason: change.reason,
        occurredAt: change.occurredAt,
        nextAttemptAt: now,
        createdAt: now,
        updatedAt: now,
      })),
    );
    if (deliveries.length > 0) await tx.alertDelivery.createMany({ data: deliveries });
    return true;
  });
}

/** A job whose newly evaluated runs changed nothing: only its watermark moves. */
export type QuietJob = { jobId: string; seen: SeenState; next: NextState };

/**
 * Moves the watermark of jobs whose runs changed nothing, in two statements however many there are
 * (at 1,000 runs a second a transaction per job kept the sweeping worker's event loop from its
 * timers). The same conditions as claimStateChange, row by row: an existing row only at the version
 * read; a missing one is created healthy at version 1 already carrying the watermark, so a process
 * that meanwhile created it (and would claim version 1) finds it evaluated and backs off, a row
 * another process created first is left to it, and none is created for a job deleted meanwhile.
 */
export async function advanceQuietJobs(db: Db, quiet: QuietJob[]): Promise<void> {
  const provider = dbProvider(db);
  const values = (jobs: QuietJob[]) =>
    JSON.stringify(
      jobs.map(({ jobId, seen, next }) => ({
        id: jobId,
        version: seen?.version ?? 1,
        since: next.since.getTime(),
        at: next.evaluatedAt?.getTime() ?? null,
        run: next.evaluatedRunId,
      })),
    );
  const known = quiet.filter((job) => job.seen);
  const fresh = quiet.filter((job) => !job.seen);
  if (provider === "postgresql") {
    if (known.length > 0) {
      await db.$executeRaw`
        UPDATE "JobAlertState" AS s SET "evaluatedAt" = TIMESTAMP '1970-01-01' + v.at * INTERVAL '1 millisecond', "evaluatedRunId" = v.run, "version" = s."version" + 1
        FROM jsonb_to_recordset(${values(known)}::jsonb) AS v(id text, version int, since float8, at float8, run text)
        WHERE s."jobId" = v.id AND s."version" = v.version`;
    }
    if (fresh.length > 0) {
      await db.$executeRaw`
        INSERT INTO "JobAlertState" ("jobId", "state", "since", "evaluatedAt", "evaluatedRunId", "version")
        SELECT v.id, 'healthy'::"AlertState", TIMESTAMP '1970-01-01' + v.since * INTERVAL '1 millisecond',
               TIMESTAMP '1970-01-01' + v.at * INTERVAL '1 millisecond', v.run, 1
        FROM jsonb_to_recordset(${values(fresh)}::jsonb) AS v(id text, version int, since float8, at float8, run text)
        WHERE EXISTS (SELECT 1 FROM "Job" j WHERE j."id" = v.id)
        ON CONFLICT ("jobId") DO NOTHING`;
    }
    return;
  }
  // The unary + keeps SQLite from driving the update from an index: the JSON list drives.
  if (known.length > 0) {
    await db.$executeRaw`
      UPDATE "JobAlertState" SET "evaluatedAt" = v.at, "evaluatedRunId" = v.run, "version" = "JobAlertState"."version" + 1
      FROM (SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.version') AS version, json_extract(value, '$.at') AS at,
                   json_extract(value, '$.run') AS run FROM json_each(${values(known)})) AS v
      WHERE "JobAlertState"."jobId" = v.id AND +"JobAlertState"."version" = v.version`;
  }
  if (fresh.length > 0) {
    await db.$executeRaw`
      INSERT INTO "JobAlertState" ("jobId", "state", "since", "evaluatedAt", "evaluatedRunId", "version")
      SELECT json_extract(value, '$.id'), 'healthy', json_extract(value, '$.since'), json_extract(value, '$.at'), json_extract(value, '$.run'), 1
      FROM json_each(${values(fresh)}) WHERE EXISTS (SELECT 1 FROM "Job" WHERE "Job"."id" = json_extract(value, '$.id'))
      ON CONFLICT ("jobId") DO NOTHING`;
  }
}

export async function enabledChannels(db: Db): Promise<ChannelTarget[]> {
  return db.alertChannel.findMany({ where: { enabled: true }, select: { id: true, name: true, type: true, global: true, events: true } });
}
