import type { Db, Prisma } from "../db";

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
};

function whereOf({ action, targetType, targetId, actor }: AuditFilter): Prisma.AuditEventWhereInput {
  return {
    ...(action ? { action } : {}),
    ...(targetType ? { targetType } : {}),
    ...(targetId ? { targetId } : {}),
    ...(actor ? { actorLabel: { contains: actor } } : {}),
  };
}

/** Newest first. */
export async function listAuditEvents(db: Db, { page, pageSize, ...filter }: { page: number; pageSize: number } & AuditFilter): Promise<AuditPage> {
  const where = whereOf(filter);
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize }),
    db.auditEvent.count({ where }),
  ]);
  const items = rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actor: { type: row.actorType, id: row.actorId, label: row.actorLabel },
    action: row.action,
    target: { type: row.targetType, id: row.targetId },
    before: row.before,
    after: row.after,
  }));
  return { items, total, page, pageSize };
}

/** The actions and target types the log holds, for filter choices. */
export async function listAuditFacets(db: Db): Promise<{ actions: string[]; targetTypes: string[] }> {
  const [actions, targetTypes] = await Promise.all([
    db.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    db.auditEvent.findMany({ distinct: ["targetType"], select: { targetType: true }, orderBy: { targetType: "asc" } }),
  ]);
  return { actions: actions.map((row) => row.action), targetTypes: targetTypes.map((row) => row.targetType) };
}
