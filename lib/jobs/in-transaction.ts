import type { Prisma } from "../db";

/**
 * Extra work a caller adds to a service's transaction, given what the service wrote: it commits
 * with the change or not at all (the API stores an Idempotency-Key's response this way).
 */
export type InTransaction<T> = (tx: Prisma.TransactionClient, result: T) => Promise<void>;
