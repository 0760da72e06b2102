import type { Db } from "../db";
import type { Actor } from "../jobs/actor";

/** A client or the transaction client Prisma hands to `$transaction`. */
type DbOrTx = Pick<Db, "auditEvent">;
type JsonColumn = Parameters<Db["auditEvent"]["create"]>[0]["data"]["after"];

export type AuditEntry = {
  /** A dotted verb such as "user.create" or "token.revoke". */
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
  at?: Date;
};

/** Writes one audit row; pass the transaction of the change it records, so both commit or neither. */
export async function recordAudit(db: DbOrTx, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      at: entry.at ?? new Date(),
      actorType: actor.type,
      actorId: actor.id,
      actorLabel: actor.label,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: entry.before as JsonColumn,
      after: entry.after as JsonColumn,
    },
  });
}
