/**
 * A unique constraint failure (P2002) on one column. The adapters report it differently: SQLite names
 * the columns, PostgreSQL the index (Prisma names it "<Model>_<column>_key").
 */
export function isUniqueViolationOn(error: unknown, model: string, column: string): boolean {
  if (!error || typeof error !== "object" || (error as { code?: unknown }).code !== "P2002") return false;
  const meta = (error as { meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: unknown; index?: unknown } } } } }).meta;
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  const fields = constraint?.fields ?? meta?.target;
  if (Array.isArray(fields)) return fields.some((field) => String(field).replace(/"/g, "") === column);
  const index = constraint?.index ?? fields;
  return typeof index === "string" && index === `${model}_${column}_key`;
}
