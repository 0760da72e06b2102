import type { Db } from "../db";
import { ConflictError } from "../errors";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Refuses a change that would leave no enabled admin: nobody could manage users or tokens again
 * without editing the database. Call it in the change's transaction, after the change.
 */
export async function assertAnAdminRemains(tx: Tx): Promise<void> {
  const admins = await tx.user.count({ where: { role: "admin", OR: [{ banned: false }, { banned: null }] } });
  if (admins === 0) throw new ConflictError("Sundial needs at least one enabled admin: make another user admin first");
}
