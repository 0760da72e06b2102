import { checkJobAlertChannels } from "../alerts/check-job-channels";
import { dbProvider, type Db } from "../db";
import { announceDue } from "../runs/due-notifications";
import { ConflictError } from "../errors";
import { sealJobConfigSecrets } from "../secrets/job-config-secrets";
import type { SealingKey } from "../secrets/sealing-key";
import type { Actor } from "./actor";
import { checkJobInput } from "./check-job-input";
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
  const { job, trigger, nextRunAt } = checkJobInput(input, { now, defaultTimezone });
  const { config } = sealJobConfigSecrets(job, undefined, sealingKey);
  const columns = triggerToColumns(trigger);
  const userId = actor.type === "user" ? actor.id : null;
  try {
    return await db.$transaction(async (tx) => {
      await checkJobAlertChannels(tx, job.alertChannelIds);
      const row = await tx.job.create({
        data: {
          name: job.name,
          description: job.description,
          tags: { create: job.tags.map((tag) => ({ tag })) },
          kind: job.kind,
          config: config as JsonColumn,
          ...columns,
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
      });
      const dto = toJobDto(row);
      await tx.auditEvent.create({
        data: {
          at: now,
          actorType: actor.type,
          actorId: actor.id,
          actorLabel: actor.label,
          action: "job.create",
          targetType: "job",
          targetId: row.id,
          after: dto as JsonColumn,
        },
      });
      if (afterWrite) await afterWrite(tx, dto);
      if (dbProvider(db) === "postgresql") await announceDue(tx);
      return dto;
    });
  } catch (error) {
    if (isUniqueViolationOn(error, "Job", "name")) throw nameTaken(job.name);
    throw error;
  }
}

export function nameTaken(name: string): ConflictError {
  return new ConflictError(`A job named "${name}" already exists`, { fieldErrors: { name: ["a job with this name already exists"] } });
}
