import type { Db } from "../db";
import { NotFoundError } from "../errors";
import type { AlertDeliveryQuery } from "./channel-input";
import { toAlertChannelDto, toAlertDeliveryDto, type AlertChannelDto, type AlertDeliveryDto } from "./channel-dto";

export async function listAlertChannels(db: Db): Promise<AlertChannelDto[]> {
  return (await db.alertChannel.findMany({ orderBy: { name: "asc" } })).map(toAlertChannelDto);
}

/** What the job form needs to offer a job's channels: no settings, no secrets. */
export type AlertChannelOption = { id: string; name: string; type: string; global: boolean; enabled: boolean };

export async function listAlertChannelOptions(db: Db): Promise<AlertChannelOption[]> {
  return db.alertChannel.findMany({ select: { id: true, name: true, type: true, global: true, enabled: true }, orderBy: { name: "asc" } });
}

export async function getAlertChannel(db: Db, id: string): Promise<AlertChannelDto> {
  const row = await db.alertChannel.findUnique({ where: { id } });
  if (!row) throw new NotFoundError(`No alert channel with id ${id}`);
  return toAlertChannelDto(row);
}

/** The newest deliveries first. */
export async function listAlertDeliveries(db: Db, query: AlertDeliveryQuery): Promise<AlertDeliveryDto[]> {
  const rows = await db.alertDelivery.findMany({
    where: { status: query.status, channelId: query.channelId, jobId: query.jobId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit,
  });
  return rows.map(toAlertDeliveryDto);
}
