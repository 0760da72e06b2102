// Creates, changes and deletes alert channels, each with its audit row in the same transaction.
import type { AlertChannelType, Db, Prisma } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import type { Actor } from "../jobs/actor";
import { isUniqueViolationOn } from "../jobs/unique-violation";
import { recordAudit } from "../audit/record-audit";
import type { SealingKey } from "../secrets/sealing-key";
import { sealChannelConfig } from "./channel-config";
import { AlertChannelInput } from "./channel-input";
import { toAlertChannelDto, type AlertChannelDto } from "./channel-dto";
import { parseOrThrow } from "./parse";

type JsonColumn = Prisma.InputJsonValue;

const nameTaken = (name: string) => new ConflictError(`An alert channel named "${name}" already exists`, { fieldErrors: { name: ["this name is taken"] } });

export async function createAlertChannel(db: Db, input: unknown, actor: Actor, { now = new Date(), sealingKey }: { now?: Date; sealingKey?: SealingKey } = {}): Promise<AlertChannelDto> {
  const channel = parseOrThrow(AlertChannelInput, input);
  const config = sealChannelConfig(channel, undefined, sealingKey);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.alertChannel.create({
        data: {
          name: channel.name,
          type: channel.type as AlertChannelType,
          config: config as JsonColumn,
          events: channel.events,
          enabled: channel.enabled,
          global: channel.global,
          createdAt: now,
          updatedAt: now,
        },
      });
      const dto = toAlertChannelDto(row);
      await recordAudit(tx, actor, { action: "alert-channel.create", targetType: "alert-channel", targetId: row.id, after: dto, at: now });
      return dto;
    });
  } catch (error) {
    if (isUniqueViolationOn(error, "AlertChannel", "name")) throw nameTaken(channel.name);
    throw error;
  }
}

export async function updateAlertChannel(db: Db, id: string, input: unknown, actor: Actor, { now = new Date(), sealingKey }: { now?: Date; sealingKey?: SealingKey } = {}): Promise<AlertChannelDto> {
  const channel = parseOrThrow(AlertChannelInput, input);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.alertChannel.findUnique({ where: { id } });
      if (!row) throw new NotFoundError(`No alert channel with id ${id}`);
      const config = sealChannelConfig(channel, { type: row.type, config: row.config }, sealingKey);
      const updated = await tx.alertChannel.update({
        where: { id },
        data: {
          name: channel.name,
          type: channel.type as AlertChannelType,
          config: config as JsonColumn,
          events: channel.events,
          enabled: channel.enabled,
          global: channel.global,
          updatedAt: now,
        },
      });
      const after = toAlertChannelDto(updated);
      await recordAudit(tx, actor, { action: "alert-channel.update", targetType: "alert-channel", targetId: id, before: toAlertChannelDto(row), after, at: now });
      return after;
    });
  } catch (error) {
    if (isUniqueViolationOn(error, "AlertChannel", "name")) throw nameTaken(channel.name);
    throw error;
  }
}

/** Deletes a channel and takes it off the jobs that list it; its delivery history stays, by name. */
export async function deleteAlertChannel(db: Db, id: string, actor: Actor, { now = new Date() }: { now?: Date } = {}): Promise<AlertChannelDto> {
  return db.$transaction(async (tx) => {
    const row = await tx.alertChannel.findUnique({ where: { id } });
    if (!row) throw new NotFoundError(`No alert channel with id ${id}`);
    const jobs = await tx.job.findMany({ select: { id: true, alertChannelIds: true } });
    for (const job of jobs) {
      const ids = Array.isArray(job.alertChannelIds) ? (job.alertChannelIds as unknown[]) : [];
      if (ids.includes(id)) await tx.job.update({ where: { id: job.id }, data: { alertChannelIds: ids.filter((other) => other !== id) as JsonColumn } });
    }
    await tx.alertChannel.delete({ where: { id } });
    const dto = toAlertChannelDto(row);
    await recordAudit(tx, actor, { action: "alert-channel.delete", targetType: "alert-channel", targetId: id, before: dto, at: now });
    return dto;
  });
}
