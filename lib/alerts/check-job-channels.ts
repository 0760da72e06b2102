import type { Prisma } from "../db";
import { ValidationError } from "../errors";

/** A job may only name alert channels that exist; checked in the job's write transaction. */
export async function checkJobAlertChannels(tx: Prisma.TransactionClient, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set((await tx.alertChannel.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((channel) => channel.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new ValidationError("The job names an alert channel that does not exist", {
      alertChannelIds: missing.map((id) => `no alert channel has the id "${id}"`),
    });
  }
}
