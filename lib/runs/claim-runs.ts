// The only path from queued to running. A run is claimed by one conditional update (status still
// queued), inside a transaction that first writes the job's row: that write lock serialises claims
// of the same job across workers on PostgreSQL and SQLite alike, so the max-instances count cannot
// be read by two workers at once.
import { randomUUID } from "node:crypto";
import type { Db, JobKind, Prisma } from "../db";

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

type Candidate = { id: string; jobId: string; source: string; scheduledFor: Date };

async function claimOne(db: Db, candidate: Candidate, workerId: string, now: Date, leaseMs: number): Promise<ClaimedRun | null> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`UPDATE "Job" SET "maxInstances" = "maxInstances" WHERE "id" = ${candidate.jobId}`;
    const job = await tx.job.findUnique({
      where: { id: candidate.jobId },
      select: { name: true, kind: true, config: true, timeoutSeconds: true, maxInstances: true },
    });
    if (!job) return null;
    const running = await tx.run.count({ where: { jobId: candidate.jobId, status: "running" } });
    // The claim's own instant, not the tick's: claiming many runs takes a while, and a run must not be
    // recorded as started (nor its lease dated) before the previous run it waited for had finished.
    const at = new Date(Math.max(now.getTime(), Date.now()));
    if (running >= job.maxInstances) {
      // A scheduled fire over the limit is recorded, not delayed; manual and retry runs wait their turn.
      if (candidate.source === "schedule") {
        await tx.run.updateMany({
          where: { id: candidate.id, status: "queued" },
          data: { status: "skipped", reason: `max instances reached (${running} running)`, finishedAt: at },
        });
      }
      return null;
    }
    const claimToken = randomUUID();
    const { count } = await tx.run.updateMany({
      where: { id: candidate.id, status: "queued" },
      data: {
        status: "running",
        workerId,
        claimToken,
        leaseExpiresAt: new Date(at.getTime() + leaseMs),
        startedAt: at,
        latenessMs: Math.max(0, at.getTime() - candidate.scheduledFor.getTime()),
      },
    });
    if (count === 0) return null;
    const run = await tx.run.findUniqueOrThrow({ where: { id: candidate.id }, select: { payload: true, attempt: true } });
    return {
      id: candidate.id,
      jobId: candidate.jobId,
      jobName: job.name,
      kind: job.kind,
      config: job.config,
      payload: run.payload,
      timeoutSeconds: job.timeoutSeconds,
      attempt: run.attempt,
      scheduledFor: candidate.scheduledFor,
      startedAt: at,
      claimToken,
    };
  });
}

/**
 * Claims up to `limit` due runs (scheduled, manual, API and retries alike), oldest first, of the job
 * kinds this worker can execute; runs of other kinds wait for a worker that can.
 */
export async function claimRuns(
  db: Db,
  { workerId, now, limit, leaseMs, kinds }: { workerId: string; now: Date; limit: number; leaseMs: number; kinds: JobKind[] },
): Promise<ClaimedRun[]> {
  if (limit <= 0) return [];
  // Read more candidates than slots: some belong to jobs at their max instances, others are
  // taken by another worker between this read and the claim.
  const candidates = await db.run.findMany({
    where: { status: "queued", scheduledFor: { lte: now }, job: { kind: { in: kinds } } },
    orderBy: { scheduledFor: "asc" },
    take: limit * 4,
    select: { id: true, jobId: true, source: true, scheduledFor: true },
  });
  const claimed: ClaimedRun[] = [];
  for (const candidate of candidates) {
    if (claimed.length >= limit) break;
    try {
      const run = await claimOne(db, candidate, workerId, now, leaseMs);
      if (run) claimed.push(run);
    } catch (error) {
      // Runs claimed so far are this worker's now: hand them over to be executed, or they would sit
      // `running` until their lease expired. The error surfaces again on the next tick if it lasts.
      if (claimed.length === 0) throw error;
      break;
    }
  }
  return claimed;
}
