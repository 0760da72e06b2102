import type { Prisma } from "../db";
import { NotFoundError } from "../errors";

/**
 * Locks a job's row for the rest of the transaction, so what the transaction reads next is the latest
 * commit and no other writer changes the job until it ends (PostgreSQL: a row lock; SQLite holds
 * the database's write lock for the whole transaction already). Unknown ids are a NotFoundError.
 */
export async function lockJob(tx: Prisma.TransactionClient, id: string): Promise<void> {
  const locked = await tx.$executeRaw`UPDATE "Job" SET "version" = "version" WHERE "id" = ${id}`;
  if (locked === 0) throw jobNotFound(id);
}

export function jobNotFound(id: string): NotFoundError {
  return new NotFoundError(`No job with id "${id}"`);
}
