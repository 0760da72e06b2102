// Migrates one template database per provider for the whole run; each test file then copies it
// (a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL) instead of migrating again.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { adminQuery, pgUrlFor } from "./postgres";
import { migrate } from "./run-node";

declare module "vitest" {
  export interface ProvidedContext {
    sqliteTemplate: string;
    pgTemplate: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pgAdminUrl = process.env.TEST_POSTGRES_URL;
  // CI must never pass by quietly skipping PostgreSQL.
  if (process.env.CI && !pgAdminUrl) {
    throw new Error("CI is set but TEST_POSTGRES_URL is not: the PostgreSQL half of the suite would be skipped");
  }

  const dir = mkdtempSync(join(tmpdir(), "sundial-test-"));
  const sqliteTemplate = join(dir, "template.db");
  const sqlite = await migrate(["deploy"], `file:${sqliteTemplate}`);
  if (sqlite.code !== 0) throw new Error(`migrating the SQLite template failed:\n${sqlite.stderr}`);

  let pgTemplate: string | null = null;
  if (pgAdminUrl) {
    pgTemplate = `sundial_tpl_${process.pid}`;
    await adminQuery(pgAdminUrl, `DROP DATABASE IF EXISTS ${pgTemplate} WITH (FORCE)`);
    await adminQuery(pgAdminUrl, `CREATE DATABASE ${pgTemplate}`);
    const pg = await migrate(["deploy"], pgUrlFor(pgAdminUrl, pgTemplate));
    if (pg.code !== 0) throw new Error(`migrating the PostgreSQL template failed:\n${pg.stderr}`);
  }

  project.provide("sqliteTemplate", sqliteTemplate);
  project.provide("pgTemplate", pgTemplate);

  return async () => {
    if (pgAdminUrl && pgTemplate) await adminQuery(pgAdminUrl, `DROP DATABASE IF EXISTS ${pgTemplate} WITH (FORCE)`);
    rmSync(dir, { recursive: true, force: true });
  };
}
