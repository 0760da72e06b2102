// A fresh, migrated database for a benchmark: an SQLite file in a temporary directory, or a
// PostgreSQL database of its own on the server BENCH_PG_URL (else TEST_POSTGRES_URL, else the local
// server's admin database) names. drop() removes it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DbProvider } from "../../lib/db";
import { adminQuery, pgUrlFor } from "../../tests/support/postgres";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export type BenchStore = { provider: DbProvider; url: string; sqliteFile?: string; drop: () => Promise<void> };

function migrate(url: string): void {
  const result = spawnSync(process.execPath, ["scripts/migrate.mjs", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`migrate deploy failed (${result.status}): ${result.stderr}`);
}

/** `name` names the temporary directory or the PostgreSQL database (the process id is added). */
export async function createBenchStore(provider: DbProvider, name: string): Promise<BenchStore> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), `sundial-${name}-`));
    const file = path.join(dir, "sundial.db");
    const url = `file:${file}`;
    migrate(url);
    return { provider, url, sqliteFile: file, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const database = `${name.replace(/[^a-z0-9]/gi, "_")}_${process.pid}`;
  await adminQuery(PG_ADMIN_URL, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await adminQuery(PG_ADMIN_URL, `CREATE DATABASE ${database}`);
  const drop = () => adminQuery(PG_ADMIN_URL, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  const url = pgUrlFor(PG_ADMIN_URL, database);
  try {
    migrate(url);
  } catch (error) {
    await drop();
    throw error;
  }
  return { provider, url, drop };
}
