import { dbProvider, type Db } from "../db";
import { recordAudit } from "../audit/record-audit";
import { ValidationError } from "../errors";
import { announceDue } from "../runs/due-notifications";
import { RUN_DTO_INCLUDE, toRunDto, type RunDto } from "../runs/run-dto";
import { taskPayloadErrors } from "../tasks/catalog";
import type { Actor } from "./actor";
import type { JsonColumn } from "./create-job";
import type { InTransaction } from "./in-transaction";
import { lockJob } from "./lock-job";

export type TriggerJobInput = {
  id: string;
  /** Replaces the job's default payload for this run; null or left out uses the default. */
  payload?: unknown;
  /** manual from the dashboard, api from the REST API. */
  source: "manual" | "api";
};

/**
 * Run now: queues a run of the job for `now`, outside its schedule (no slot, so it never collides
 * with or replaces a scheduled run; max instances still applies when it is claimed). It works on a
 * paused job too: pausing stops the schedule, and running one now is an explicit request. A task
 * job's payload (this run's, else the job's default) is checked against its task's schema first.
 */
export async function triggerJob(
  db: Db,
  { id, payload, source }: TriggerJobInput,
  actor: Actor,
  { now, afterWrite }: { now: Date; afterWrite?: InTransaction<RunDto> },
): Promise<RunDto> {
  return db.$transaction(async (tx) => {
    await lockJob(tx, id);
    const job = await tx.job.findUniqueOrThrow({ where: { id }, select: { kind: true, config: true } });
    const override = payload ?? undefined;
    if (job.kind === "task") {
      const config = job.config as { task: string; payload?: unknown };
      const errors = taskPayloadErrors(config.task, override ?? config.payload);
      if (errors) {
        const fieldErrors = Object.fromEntries(Object.entries(errors).map(([field, messages]) => [field === "_" ? "payload" : `payload.${field}`, messages]));
        throw new ValidationError(`The payload does not fit task ${config.task}`, fieldErrors);
      }
    }
    const run = await tx.run.create({
      data: {
        jobId: id,
        source,
        scheduledFor: now,
        payload: override as JsonColumn | undefined,
        requestedById: actor.type === "user" ? actor.id : null,
        createdAt: now,
        updatedAt: now,
      },
      include: RUN_DTO_INCLUDE,
    });
    const dto = toRunDto(run);
    await recordAudit(tx, actor, { action: "job.trigger", targetType: "job", targetId: id, after: dto, at: now });
    if (afterWrite) await afterWrite(tx, dto);
    if (dbProvider(db) === "postgresql") await announceDue(tx);
    return dto;
  });
}
