// The only path from queued to running. One transaction claims a whole batch in a handful of
// statements, however many runs are due:
//  - runs that give way to a newer due slot of their job (coalescing) are recorded first;
//  - the due queued runs are read with their jobs and locked: on PostgreSQL with FOR UPDATE SKIP
//    LOCKED, so workers take disjoint batches; on SQLite the transaction holds the database's write
//    lock from its start (lib/db.ts begins every transaction IMMEDIATE);
//  - the jobs of those runs are locked too (PostgreSQL: transaction-scoped advisory locks taken in
//    one order, so claimers can't deadlock and don't block the enqueuer's job updates), so no other
//    worker counts a job's running runs while this one does: max instances holds across workers
//    and within the batch;
//  - the runs are flipped to running by one conditional update (status still queued) that carries
//    the batch's claim token; every later write names the run and the token (fencing), so one token
//    per batch fences as well as one per run.
// The batch crosses into SQL as one JSON parameter: no statement binds a parameter per run.
import { randomUUID } from "node:crypto";
import type { CoalescePolicy, Db, DbProvider, JobKind, Prisma } from "../db";
import { dbProvider, rawInstant, sql, sqlInstant, sqlJoin } from "../db";
import { missedWhileQueued, supersededBy } from "../schedule";
import { MAX_INSTANCES_SETTLE_MS } from "./max-instances-settle";
import { recordNotRun, type NotRunRecord } from "./record-not-run";

export type ClaimedRun = {
  id: string;
  jobId: string;
  jobName: string;
  kind: JobKind;
  config: Prisma.JsonValue;
  payload: Prisma.JsonValue | null;
  timeoutSeconds: number | null;
  attempt: number;
  scheduledFor: Date;
  startedAt: Date;
  claimToken: string;
};

/**
 * waiting: runs were left queued (no room in the batch, or their job at max instances).
 * decideAt: the earliest instant at which a scheduled run left queued because its job is at max
 * instances is decided: skipped, unless a place has freed up by then (see MAX_INSTANCES_SETTLE_MS).
 * more: the batch recorded runs that waited past their misfire grace and left places free, and
 * more due runs may be queued behind it: claim again at once.
 */
export type ClaimResult = { runs: ClaimedRun[]; waiting: boolean; decideAt?: Date; more?: boolean };

type Tx = Prisma.TransactionClient;
type Candidate = {
  id: string;
  jobId: string;
  source: string;
  scheduledFor: Date;
  payload: Prisma.JsonValue | null;
  attempt: number;
  name: string;
  kind: JobKind;
  config: Prisma.JsonValue;
  timeoutSeconds: number | null;
  maxInstances: number;
  misfireGraceSeconds: number | null;
};

// Raw reads hand JSON columns back as stored: text on SQLite, parsed on PostgreSQL.
const json = (value: unknown): Prisma.JsonValue | null => (typeof value === "string" ? (JSON.parse(value) as Prisma.JsonValue) : (value as Prisma.JsonValue | null));

/**
 * A scheduled run still waiting for a place when a newer slot of its job is due too: the job is
 * behind, and the two are due together. Under `latest` and `skip` the older gives way (supersededBy),
 * before any candidate is read: an overloaded worker serves each job's newest slot instead of a
 * queue it would reach ever later, and never spends its batch on runs that would only give way.
 * One pass over what is queued and due (the (status, scheduledFor) index; usually nothing): the
 * newest due slot per job by grouping, not a lookup per run. Not locked while read; on PostgreSQL
 * the runs to record are then locked with SKIP LOCKED, so two claimers recording the same runs
 * never wait on each other (in opposite orders, a deadlock), and a run another claimer holds is
 * left to it. The update's condition (still queued) skips a run claimed meanwhile.
 */
async function supersedeWaitingRuns(tx: Tx, provider: DbProvider, now: Date): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string; coalesce: CoalescePolicy; newerSlot: Date | number }[]>`
    WITH due AS (
      SELECT "id", "jobId", "slotAt" FROM "Run"
      WHERE "status" = 'queued' AND "scheduledFor" <= ${sqlInstant(provider, now)} AND "slotAt" IS NOT NULL
    ), newest AS (
      SELECT "jobId", MAX("slotAt") AS "newerSlot" FROM due GROUP BY "jobId"
    )
    SELECT d."id", j."coalesce", m."newerSlot"
    FROM due d JOIN newest m ON m."jobId" = d."jobId" AND d."slotAt" < m."newerSlot" JOIN "Job" j ON j."id" = d."jobId"
    WHERE j."coalesce" <> 'all'`;
  let records: NotRunRecord[] = [];
  for (const row of rows) {
    const outcome = supersededBy(row.coalesce, rawInstant(row.newerSlot));
    if (outcome) records.push({ id: row.id, ...outcome });
  }
  if (provider === "postgresql" && records.length > 0) {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Run" WHERE "id" IN (SELECT jsonb_array_elements_text(${JSON.stringify(records.map((record) => record.id))}::jsonb))
      FOR UPDATE SKIP LOCKED`;
    const ids = new Set(locked.map((row) => row.id));
    records = records.filter((record) => ids.has(record.id));
  }
  await recordNotRun(tx, provider, records, now);
}

async function lockCandidates(tx: Tx, provider: DbProvider, { until, take, kinds }: { until: Date; take: number; kinds: JobKind[] }): Promise<Candidate[]> {
  const select = sql`
    SELECT r."id", r."jobId", r."source", r."scheduledFor", r."payload", r."attempt",
           j."name", j."kind", j."config", j."timeoutSeconds", j."maxInstances", j."misfireGraceSeconds"
    FROM "Run" r JOIN "Job" j ON j."id" = r."jobId"
    WHERE r."status" = 'queued' AND r."scheduledFor" <= ${sqlInstant(provider, until)} AND j."kind" IN (${sqlJoin(kinds)})
    ORDER BY r."scheduledFor", r."id" LIMIT ${take}`;
  const rows = await tx.$queryRaw<Candidate[]>`${select} ${provider === "postgresql" ? sql`FOR UPDATE OF r SKIP LOCKED` : sql``}`;
  return rows.map((row) => ({
    ...row,
    payload: json(row.payload),
    config: json(row.config),
    attempt: Number(row.attempt),
    maxInstances: Number(row.maxInstances),
    timeoutSeconds: row.timeoutSeconds === null ? null : Number(row.timeoutSeconds),
    misfireGraceSeconds: row.misfireGraceSeconds === null ? null : Number(row.misfireGraceSeconds),
  }));
}

/** Locks the jobs (PostgreSQL) and counts their running runs. */
async function runningPerJob(tx: Tx, provider: DbProvider, jobIds: string[]): Promise<Map<string, number>> {
  const ids = JSON.stringify(jobIds);
  if (provider === "postgresql") {
    // Sorted keys: two claimers wanting the same jobs take their locks in the same order. (An execute,
    // not a query: the function returns void, which has no column type to read back.)
    await tx.$executeRaw`
      SELECT pg_advisory_xact_lock(k) FROM (
        SELECT hashtextextended(id, 0) AS k FROM jsonb_array_elements_text(${ids}::jsonb) AS id ORDER BY k
      ) AS keys`;
  }
  const jobsOf = provider === "postgresql" ? sql`SELECT jsonb_array_elements_text(${ids}::jsonb)` : sql`SELECT value FROM json_each(${ids})`;
  const rows = await tx.$queryRaw<{ jobId: string; running: number | bigint }[]>`
    SELECT "jobId", COUNT(*) AS running FROM "Run" WHERE "status" = 'running' AND "jobId" IN (${jobsOf}) GROUP BY "jobId"`;
  return new Map(rows.map((row) => [row.jobId, Number(row.running)]));
}

/**
 * When a claimed run starts: now, or its own time for a run claimed ahead of it. The worker records
 * the instant it actually started with the outcome.
 */
const startOf = (candidate: Candidate, now: Date) => (candidate.scheduledFor > now ? candidate.scheduledFor : now);

/** The column is a 32-bit integer: a run 25 days late is recorded as the most it can hold. */
const clampToInt = (ms: number) => Math.min(2 ** 31 - 1, Math.max(0, ms));

type Decision = { claim: Candidate[]; notRun: NotRunRecord[]; decideAt?: Date };

/**
 * Oldest first: a run is claimed while its job is under max instances and the batch has room. A
 * scheduled run whose job is at its limit is decided once it has been due for the settle time: the
 * run in its way may end by then (it is claimed) or not (it is skipped). Manual and retry runs over
 * the limit wait their turn. A scheduled run that waited for a free place past its job's misfire
 * grace is missed, not started.
 */
function decide(candidates: Candidate[], running: Map<string, number>, limit: number, now: Date): Decision {
  const decision: Decision = { claim: [], notRun: [] };
  const taken = new Map(running);
  for (const candidate of candidates) {
    if (decision.claim.length >= limit) break;
    const count = taken.get(candidate.jobId) ?? 0;
    if (count >= candidate.maxInstances) {
      if (candidate.source !== "schedule") continue;
      const deadline = candidate.scheduledFor.getTime() + MAX_INSTANCES_SETTLE_MS;
      if (now.getTime() < deadline) {
        if (!decision.decideAt || deadline < decision.decideAt.getTime()) decision.decideAt = new Date(deadline);
      } else {
        decision.notRun.push({ id: candidate.id, status: "skipped", reason: `max instances reached (${candidate.maxInstances} running)` });
      }
      continue;
    }
    const tooLate = candidate.source === "schedule" ? missedWhileQueued(now.getTime() - candidate.scheduledFor.getTime(), candidate.misfireGraceSeconds) : null;
    if (tooLate) {
      decision.notRun.push({ id: candidate.id, status: "missed", reason: tooLate });
      continue;
    }
    decision.claim.push(candidate);
    taken.set(candidate.jobId, count + 1);
  }
  return decision;
}

async function recordClaims(
  tx: Tx,
  provider: DbProvider,
  claimed: Candidate[],
  { workerId, claimToken, now, leaseMs }: { workerId: string; claimToken: string; now: Date; leaseMs: number },
): Promise<number> {
  const rows = JSON.stringify(claimed.map((c) => ({ id: c.id, started: startOf(c, now).getTime(), lateness: clampToInt(now.getTime() - c.scheduledFor.getTime()) })));
  const leaseExpiresAt = new Date(now.getTime() + leaseMs);
  if (provider === "postgresql") {
    return tx.$executeRaw`
      UPDATE "Run" AS r SET "status" = 'running', "workerId" = ${workerId}, "claimToken" = ${claimToken},
        "leaseExpiresAt" = ${sqlInstant(provider, leaseExpiresAt)}, "startedAt" = TIMESTAMP '1970-01-01' + v.started * INTERVAL '1 millisecond',
        "updatedAt" = ${sqlInstant(provider, now)}, "latenessMs" = v.lateness
      FROM jsonb_to_recordset(${rows}::jsonb) AS v(id text, started float8, lateness int)
      WHERE r."id" = v.id AND r."status" = 'queued'`;
  }
  return tx.$executeRaw`
    UPDATE "Run" SET "status" = 'running', "workerId" = ${workerId}, "claimToken" = ${claimToken},
      "leaseExpiresAt" = ${leaseExpiresAt.getTime()}, "startedAt" = v.started, "updatedAt" = ${now.getTime()}, "latenessMs" = v.lateness
    FROM (SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.started') AS started, json_extract(value, '$.lateness') AS lateness
          FROM json_each(${rows})) AS v
    WHERE "Run"."id" = v.id AND +"Run"."status" = 'queued'`;
}

/**
 * Claims up to `limit` runs due at `now` (scheduled, manual, API and retries alike), oldest first,
 * of the job kinds this worker can execute; runs of other kinds wait for a worker that can. With
 * `until`, runs due by then are claimed ahead of their time too (the worker starts them on time).
 * `now` is also the instant the claimed runs are recorded as started (their own time, if later).
 */
export async function claimRuns(
  db: Db,
  { workerId, now, until = now, limit, leaseMs, kinds }: { workerId: string; now: Date; until?: Date; limit: number; leaseMs: number; kinds: JobKind[] },
): Promise<ClaimResult> {
  if (limit <= 0 || kinds.length === 0) return { runs: [], waiting: true };
  // Most ticks find nothing due: one indexed read instead of a write transaction.
  const anyDue = await db.run.findFirst({ where: { status: "queued", scheduledFor: { lte: until } }, select: { id: true } });
  if (!anyDue) return { runs: [], waiting: false };
  const provider = dbProvider(db);
  return db.$transaction(async (tx) => {
    await supersedeWaitingRuns(tx, provider, now);
    // More candidates than places: some belong to jobs at their max instances.
    const take = limit * 2;
    const candidates = await lockCandidates(tx, provider, { until, take, kinds });
    if (candidates.length === 0) return { runs: [], waiting: false };
    const running = await runningPerJob(tx, provider, [...new Set(candidates.map((c) => c.jobId))]);
    const decision = decide(candidates, running, limit, now);
    await recordNotRun(tx, provider, decision.notRun, now);
    const waiting = candidates.length > decision.claim.length + decision.notRun.length;
    const { decideAt } = decision;
    const more = candidates.length === take && decision.notRun.length > 0 && decision.claim.length < limit;
    if (decision.claim.length === 0) return { runs: [], waiting, decideAt, more };
    const claimToken = randomUUID();
    const count = await recordClaims(tx, provider, decision.claim, { workerId, claimToken, now, leaseMs });
    // The candidates are locked (row locks, or SQLite's write lock) since they were read: a mismatch
    // means that assumption broke, and claiming anyway could start a run twice.
    if (count !== decision.claim.length) throw new Error(`claimed ${count} of ${decision.claim.length} locked runs; the batch is rolled back`);
    const runs = decision.claim.map(
      (c): ClaimedRun => ({
        id: c.id,
        jobId: c.jobId,
        jobName: c.name,
        kind: c.kind,
        config: c.config,
        payload: c.payload,
        timeoutSeconds: c.timeoutSeconds,
        attempt: c.attempt,
        scheduledFor: c.scheduledFor,
        startedAt: startOf(c, now),
        claimToken,
      }),
    );
    return { runs, waiting, decideAt, more };
  });
}
