// Whether the database has every migration this build ships. Read as scripts/migrate.mjs and Prisma
// read them: one folder per migration, applied when `_prisma_migrations` holds a finished row for it
// that was not rolled back. Checksums (a migration edited after it was applied) are left to
// `migrate.mjs status`: they say the history was tampered with, not that this build can't run.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { dbProvider, type Db, type DbProvider } from "../db";

export type MigrationState = { shipped: number; applied: number; pending: string[]; failed: string[] };

/**
 * The provider's migrations folder (`npm start` runs from the project root). Spelled out literally:
 * Next's output tracing then takes these folders along, not the whole project.
 */
export function migrationsDirFor(provider: DbProvider): string {
  return provider === "postgresql" ? join(process.cwd(), "prisma", "postgres", "migrations") : join(process.cwd(), "prisma", "migrations");
}

const shippedByDir = new Map<string, Promise<string[]>>();

/** Migration names on disk, read once per process: they change only with a new build. */
export function shippedMigrations(dir: string): Promise<string[]> {
  let names = shippedByDir.get(dir);
  if (!names) {
    names = readdir(dir, { withFileTypes: true }).then(
      (entries) => entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort((a, b) => a.localeCompare(b)),
      (error: unknown) => {
        // A missing folder is a broken install, not a state to remember: look again next time.
        shippedByDir.delete(dir);
        throw new Error(`can't read the migrations folder ${dir}: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    shippedByDir.set(dir, names);
  }
  return names;
}

async function hasMigrationsTable(db: Db): Promise<boolean> {
  const rows =
    dbProvider(db) === "postgresql"
      ? await db.$queryRaw<{ n: number }[]>`SELECT COUNT(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '_prisma_migrations'`
      : await db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`;
  return Number(rows[0]?.n ?? 0) > 0;
}

type HistoryRow = { name: string; finished: number | bigint; rolledBack: number | bigint };

/** Compares the shipped migrations with the database's history; a database never migrated has all pending. */
export async function migrationState(db: Db, dir: string): Promise<MigrationState> {
  const shipped = await shippedMigrations(dir);
  const history = (await hasMigrationsTable(db))
    ? await db.$queryRaw<HistoryRow[]>`SELECT migration_name AS name,
        CASE WHEN finished_at IS NULL THEN 0 ELSE 1 END AS finished,
        CASE WHEN rolled_back_at IS NULL THEN 0 ELSE 1 END AS "rolledBack"
      FROM _prisma_migrations`
    : [];
  const live = history.filter((row) => Number(row.rolledBack) === 0);
  const applied = new Set(live.filter((row) => Number(row.finished) === 1).map((row) => row.name));
  const failed = live.filter((row) => Number(row.finished) === 0).map((row) => row.name);
  return {
    shipped: shipped.length,
    applied: shipped.filter((name) => applied.has(name)).length,
    pending: shipped.filter((name) => !applied.has(name) && !failed.includes(name)),
    failed,
  };
}
