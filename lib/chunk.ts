/**
 * Splits a list for statements that bind one parameter per item: Prisma refuses a statement with more
 * parameters than the database allows (999 on SQLite), and one batch of due runs can hold thousands.
 */
export const PARAMETERS_PER_STATEMENT = 500;

export function chunk<T>(items: T[], size: number = PARAMETERS_PER_STATEMENT): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
