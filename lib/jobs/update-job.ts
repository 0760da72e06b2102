import { dbProvider, type Db, type Prisma } from "../db";
import { checkJobAlertChannels } from "../alerts/check-job-channels";
import { recordAudit } from "../audit/record-audit";
import { ConflictError } from "../errors";
import { announceDue } from "../runs/due-notifications";
import { sealJobConfigSecrets } from "../secrets/job-config-secrets";
import type { SealingKey } from "../secrets/sealing-key";
import type { JobConfig } from "../validation/job-config";
import type { Actor } from "./actor";
import { checkJobInput } from "./check-job-input";
import { policyColumns } from "./policy-columns";
import { nameTaken, type JsonColumn } from "./create-job";
import { toJobDto, type JobDto } from "./job-dto";
import { lockJob } from "./lock-job";
import { triggerFromColumns, triggerToColumns } from "./trigger-columns";
import { isUniqueViolationOn } from "./unique-violation";

export type UpdateJobInput = {
  id: string;
  /** The version the caller read: a job changed since then is not overwritten. */
  version: number;
  /** The whole job, as for createJob. */
  job: unknown;
};

/**
 * Replaces a job's settings, in one transaction with its audit row (before and after). A stale
 * `version` is a ConflictError naming who changed the job and when. A new trigger (type,
 * parameters, zone or bounds) restarts the schedule at its first slot from `now`; an unchanged one
 * keeps the job's place. Pause state is not part of an update: pauseJob and resumeJob change it,
 * with who and why, so an edit made from an old copy can't silently resume or pause a job. A secret
 * sent with an empty value keeps its stored value (see sealJobConfigSecrets).
 */
export async function updateJob(
  db: Db,
  input: UpdateJobInput,
  actor: Actor,
  { now, defaultTimezone, sealingKey }: { now: Date; defaultTimezone: string; sealingKey?: SealingKey },
): Promise<JobDto> {
  return db.$transaction(async (tx) => {
    const { job, scheduleChanged } = await applyJobUpdate(tx, input, actor, { now, defaultTimezone, sealingKey });
    // A new schedule may start sooner than the old one.
    if (scheduleChanged && !job.paused && dbProvider(db) === "postgresql") await announceDue(tx);
    return job;
  });
}

/**
 * The write half of updateJob, in the caller's transaction: lock, version check, the same input
 * check, the write and its audit row. The import of job definitions updates many jobs in one
 * transaction through it.
 */
export async function applyJobUpdate(
  tx: Prisma.TransactionClient,
  { id, version, job: input }: UpdateJobInput,
  actor: Actor,
  { now, defaultTimezone, sealingKey }: { now: Date; defaultTimezone: string; sealingKey?: SealingKey },
): Promise<{ job: JobDto; scheduleChanged: boolean }> {
  await lockJob(tx, id);
  const row = await tx.job.findUniqueOrThrow({ where: { id }, include: { tags: true } });
  if (row.version !== version) throw await staleVersion(tx, row, version);
  const { job, trigger, scheduleChanged, nextRunAt } = checkJobInput(input, {
    now,
    defaultTimezone,
    current: { trigger: triggerFromColumns(row), nextRunAt: row.nextRunAt, lastSlotAt: row.lastSlotAt },
  });
  const { config } = sealJobConfigSecrets({ kind: job.kind, config: job.config } as JobConfig, { kind: row.kind, config: row.config }, sealingKey);
  const userId = actor.type === "user" ? actor.id : null;
  await checkJobAlertChannels(tx, job.alertChannelIds);
  await tx.jobTag.deleteMany({ where: { jobId: id } });
  const updated = await tx.job
    .update({
      where: { id },
      data: {
        name: job.name,
        description: job.description,
        tags: { create: job.tags.map((tag) => ({ tag })) },
        kind: job.kind,
        config: config as JsonColumn,
        ...triggerToColumns(trigger),
        ...policyColumns(job),
        ...(scheduleChanged ? { nextRunAt } : {}),
        updatedAt: now,
        updatedById: userId,
        version: { increment: 1 },
      },
      include: { tags: true },
    })
    .catch((error: unknown) => {
      throw isUniqueViolationOn(error, "Job", "name") ? nameTaken(job.name) : error;
    });
  const after = toJobDto(updated);
  await recordAudit(tx, actor, { action: "job.update", targetType: "job", targetId: id, before: toJobDto(row), after, at: now });
  return { job: after, scheduleChanged };
}

/** The conflict for an update based on an older version, naming the last change (from the audit log, which names tokens too). */
async function staleVersion(tx: Prisma.TransactionClient, row: { id: string; version: number; updatedAt: Date }, sent: number): Promise<ConflictError> {
  const last = await tx.auditEvent.findFirst({ where: { targetType: "job", targetId: row.id }, orderBy: [{ at: "desc" }, { id: "desc" }] });
  const changedBy = last?.actorLabel ?? null;
  const changedAt = row.updatedAt.toISOString();
  return new ConflictError(
    `The job was changed by ${changedBy ?? "someone"} at ${changedAt} (version ${row.version}; this update was based on version ${sent}): reload it and make the change again`,
    { current: { version: row.version, changedBy, changedAt } },
  );
}
