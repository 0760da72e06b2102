// On PostgreSQL, a change that makes something due sooner (a new job, later a resumed job or a run
// requested now) is announced with NOTIFY, so sleeping workers look again at once instead of at
// their next poll. Sent inside the change's transaction, it is delivered only if that commits.
import type { Prisma } from "../db";

export const DUE_CHANNEL = "sundial_due";

export async function announceDue(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${DUE_CHANNEL}, '')`;
}
