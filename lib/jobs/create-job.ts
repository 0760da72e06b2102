import { checkJobAlertChannels } from "../alerts/check-job-channels";
import { dbProvider, type Db, type Prisma } from "../db";
import { recordAudit } from "../audit/record-audit";
import { announceDue } from "../runs/due-notifications";
import { ConflictError } from "../errors";
import { sealJobConfigSecrets } from "../secrets/job-config-secrets";
import type { SealingKey } from "../secrets/sealing-key";
import type { Actor } from "./actor";
import { checkJobInput, type CheckedJob } from "./check-job-input";
import { policyColumns } from "./policy-columns";
import type { InTransaction } from "./in-transaction";
import { toJobDto, type JobDto } from "./job-dto";
import { triggerToColumns } from "./trigger-columns";
import { isUniqueViolationOn } from "./unique-violation";

/**
 * What Prisma accepts in a Json column. The config and the DTO are JSON by construction (zod checked
 * them; a task's payload arrived as JSON), but a payload is `unknown` to TypeScript.
 */
export type JsonColumn = Parameters<Db["job"]["create"]>[0]["data"]["config"];

export type CreateJobOptions = {
  /** The creation instant: the first run is the first fire time at or after it. */
  now: Date;
  /** The zone of a trigger sent without one. */
  defaultTimezone: string;
  /** Runs in the job's transaction with the job as created. */
  afterWrite?: InTransaction<JobDto>;
  /** Seals the job's secrets; this process's key (from the app secret) when left out. */
  sealingKey?: SealingKey;
};

/**
 * Creates a job and its audit row in one transaction. Every problem with the input is reported at
 * once, keyed by field path ("name", "config.url", "trigger.expression"); a job whose schedule never
 * fires after `now` is refused rather than stored idle. A taken name is a ConflictError.
 */
export async function createJob(db: Db, input: unknown, actor: Actor, { now, defaultTimezone, afterWrite, sealingKey }: CreateJobOptions): Promise<JobDto> {
  const checked = checkJobInput(input, { now, defaultTimezone });
  return db.$transaction(async (tx) => {
    const dto = await insertJob(tx, checked, actor, { now, sealingKey });
    if (afterWrite) await afterWrite(tx, dto);
    if (dbProvider(db) === "postgresql") await announceDue(tx);
    return dto;
  });
}

/**
 * The write half of createJob, in the caller's transaction: the job as checkJobInput passed it, its
 * secrets sealed, and its audit row. The import of job definitions creates many jobs in one
 * transaction through it.
 */
export async function insertJob(
  tx: Prisma.TransactionClient,
  { job, trigger, nextRunAt }: CheckedJob,
  actor: Actor,
  { now, sealingKey }: { now: Date; sealingKey?: SealingKey },
): Promise<JobDto> {
  await checkJobAlertChannels(tx, job.alertChannelIds);
  const { config } = sealJobConfigSecrets(job, undefined, sealingKey);
  const userId = actor.type === "user" ? actor.id : null;
  const row = await tx.job
    .create({
    data: {
      name: job.name,
      description: job.description,
      tags: { create: job.tags.map((tag) => ({ tag })) },
      kind: job.kind,
      config: config as JsonColumn,
      ...triggerToColumns(trigger),
      ...policyColumns(job),
      nextRunAt,
      paused: job.paused,
      pausedAt: job.paused ? now : null,
      pausedById: job.paused ? userId : null,
      createdAt: now,
      updatedAt: now,
      createdById: userId,
      updatedById: userId,
    },
    include: { tags: true },
    })
    .catch((error: unknown) => {
      throw isUniqueViolationOn(error, "Job", "name") ? nameTaken(job.name) : error;
    });
  const dto = toJobDto(row);
  await recordAudit(tx, actor, { action: "job.create", targetType: "job", targetId: row.id, after: dto, at: now });
  return dto;
}

export function nameTaken(name: string): ConflictError {
  return new ConflictError(`A job named "${name}" already exists`, { fieldErrors: { name: ["a job with this name already exists"] } });
}
