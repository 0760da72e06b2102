// A fresh, migrated database per test file, on each provider under test.
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { createDb, type Db, type DbProvider } from "@/lib/db";
import { adminQuery, pgUrlFor } from "./postgres";

export type TestDatabase = { provider: DbProvider; url: string; db: Db; drop: () => Promise<void> };

/** sqlite always; postgresql when TEST_POSTGRES_URL is set (global setup refuses to skip it in CI). */
export const providers: DbProvider[] = inject("pgTemplate") ? ["sqlite", "postgresql"] : ["sqlite"];

export async function freshDatabase(provider: DbProvider): Promise<TestDatabase> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "sundial-db-"));
    const path = join(dir, "sundial.db");
    copyFileSync(inject("sqliteTemplate"), path);
    const url = `file:${path}`;
    const db = createDb(url);
    return {
      provider,
      url,
      db,
      drop: async () => {
        await db.$disconnect();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = process.env.TEST_POSTGRES_URL!;
  const name = `sundial_test_${process.pid}_${randomBytes(3).toString("hex")}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${inject("pgTemplate")}`);
  const url = pgUrlFor(adminUrl, name);
  const db = createDb(url);
  return {
    provider,
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
