import type { Db, Prisma } from "../db";
import { decodeCursor, encodeCursor } from "../keyset-cursor";

export type AuditEventDto = {
  id: string;
  at: string;
  actor: { type: string; id: string | null; label: string };
  action: string;
  target: { type: string; id: string | null };
  before: unknown;
  after: unknown;
};

export type AuditPage = { items: AuditEventDto[]; total: number; page: number; pageSize: number };

/** Every field optional; set ones must all match. */
export type AuditFilter = {
  /** Exactly, e.g. "job.create". */
  action?: string;
  /** Exactly, e.g. "job" or "api_token". */
  targetType?: string;
  targetId?: string;
  /** Part of the actor's label (an email, a token name). */
  actor?: string;
  /** At or after this instant. */
  from?: Date;
  /** Before this instant. */
  to?: Date;
};

function whereOf({ action, targetType, targetId, actor, from, to }: AuditFilter): Prisma.AuditEventWhereInput {
  return {
    ...(action ? { action } : {}),
    ...(targetType ? { targetType } : {}),
    ...(targetId ? { targetId } : {}),
    ...(actor ? { actorLabel: { contains: actor } } : {}),
    ...(from || to ? { at: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
  };
}

type AuditRow = Awaited<ReturnType<Db["auditEvent"]["findMany"]>>[number];

function toAuditEventDto(row: AuditRow): AuditEventDto {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { type: row.actorType, id: row.actorId, label: row.actorLabel },
    action: row.action,
    target: { type: row.targetType, id: row.targetId },
    before: row.before,
    after: row.after,
  };
}

/** Newest first. */
export async function listAuditEvents(db: Db, { page, pageSize, ...filter }: { page: number; pageSize: number } & AuditFilter): Promise<AuditPage> {
  const where = whereOf(filter);
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize }),
    db.auditEvent.count({ where }),
  ]);
  return { items: rows.map(toAuditEventDto), total, page, pageSize };
}

/** A page of the API's listing, newest first; nextCursor is null on the last page. */
export type AuditCursorPage = { items: AuditEventDto[]; nextCursor: string | null };

// Keyset pages on (at, id), as the run ledger pages (lib/keyset-cursor.ts).
/** Newest first, `limit` at a time, after the event `cursor` names. */
export async function pageAuditEvents(db: Db, { limit, cursor, ...filter }: { limit: number; cursor?: string } & AuditFilter): Promise<AuditCursorPage> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  const where: Prisma.AuditEventWhereInput = after
    ? { AND: [whereOf(filter), { OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] }] }
    : whereOf(filter);
  const rows = await db.auditEvent.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], take: limit + 1 });
  const page = rows.slice(0, limit);
  return { items: page.map(toAuditEventDto), nextCursor: rows.length > limit ? encodeCursor(page.at(-1)!) : null };
}

/** The actions and target types the log holds, for filter choices. */
export async function listAuditFacets(db: Db): Promise<{ actions: string[]; targetTypes: string[] }> {
  const [actions, targetTypes] = await Promise.all([
    db.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    db.auditEvent.findMany({ distinct: ["targetType"], select: { targetType: true }, orderBy: { targetType: "asc" } }),
  ]);
  return { actions: actions.map((row) => row.action), targetTypes: targetTypes.map((row) => row.targetType) };
}
