import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import type { DbProvider } from "@/lib/db";
import { adminQuery, pgUrlFor } from "../support/postgres";
import { migrate, ROOT } from "../support/run-node";
import { providers } from "../support/test-db";

const SCHEMA_DIR: Record<DbProvider, string> = { sqlite: "prisma", postgresql: "prisma/postgres" };

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A blank database (no tables) of the provider. */
async function blankDatabaseUrl(provider: DbProvider): Promise<string> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "sundial-mig-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return `file:${join(dir, "blank.db")}`;
  }
  const admin = process.env.TEST_POSTGRES_URL!;
  const name = `sundial_mig_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(admin, `CREATE DATABASE ${name}`);
  cleanups.push(() => adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  return pgUrlFor(admin, name);
}

/** A copy of the provider's schema and its migrations in a temp dir, to change without touching the repo. */
function fixtureCopy(provider: DbProvider): string {
  const dir = mkdtempSync(join(tmpdir(), "sundial-fixture-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(ROOT, SCHEMA_DIR[provider], "schema.prisma"), join(dir, "schema.prisma"));
  cpSync(join(ROOT, SCHEMA_DIR[provider], "migrations"), join(dir, "migrations"), { recursive: true });
  return dir;
}

describe.each(providers)("migrations on %s", (provider) => {
  it("produce exactly the current schema (no drift)", async () => {
    const result = await migrate(["check"], await blankDatabaseUrl(provider));
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("report drift when a model changes without a migration", async () => {
    const dir = fixtureCopy(provider);
    const schemaPath = join(dir, "schema.prisma");
    const schema = readFileSync(schemaPath, "utf8");
    writeFileSync(schemaPath, schema.replace("model Worker {", "model Worker {\n  drainingSince DateTime?"));

    const result = await migrate(["check", "--schema", schemaPath], await blankDatabaseUrl(provider));
    expect(result.code).toBe(2);
    expect(result.stdout + result.stderr).toContain("drainingSince");
  });

  it("apply to a blank database, after which status is clean and deploy is a no-op", async () => {
    const url = await blankDatabaseUrl(provider);
    expect((await migrate(["status"], url)).code).toBe(3);

    const deployed = await migrate(["deploy"], url);
    expect(deployed.code).toBe(0);
    const names = readdirSync(join(ROOT, SCHEMA_DIR[provider], "migrations")).filter((n) => /^\d{14}_/.test(n));
    for (const name of names) expect(deployed.stdout).toContain(name);

    expect((await migrate(["status"], url)).code).toBe(0);
    const again = await migrate(["deploy"], url);
    expect(again.code).toBe(0);
    for (const name of names) expect(again.stdout).not.toContain(name);
  });

  it("notice a migration edited after it was applied", async () => {
    const dir = fixtureCopy(provider);
    const schemaPath = join(dir, "schema.prisma");
    const url = await blankDatabaseUrl(provider);
    expect((await migrate(["deploy", "--schema", schemaPath], url)).code).toBe(0);

    const [first] = readdirSync(join(dir, "migrations")).filter((n) => /^\d{14}_/.test(n));
    const sqlPath = join(dir, "migrations", first!, "migration.sql");
    writeFileSync(sqlPath, `${readFileSync(sqlPath, "utf8")}\n-- edited by hand\n`);

    const status = await migrate(["status", "--schema", schemaPath], url);
    expect(status.code).toBe(3);
    expect(status.stdout + status.stderr).toContain(first!);
  });
});

describe("migrate.mjs deploy on SQLite beside a running process", () => {
  it("answers up to date without locking the file, and names the process in the way when a migration is pending (tried: the newest migration's row deleted while another connection has the file open)", async () => {
    const url = await blankDatabaseUrl("sqlite");
    expect((await migrate(["deploy"], url)).code).toBe(0);
    // A worker or the dashboard: a WAL connection that has read the file and keeps it open.
    const holder = new Database(url.replace(/^file:/, ""));
    try {
      holder.pragma("journal_mode = WAL");
      holder.prepare("SELECT COUNT(*) FROM _prisma_migrations").get();

      const upToDate = await migrate(["deploy"], url);
      expect(upToDate).toMatchObject({ code: 0 });
      expect(upToDate.stdout.trim()).toBe("Database is up to date");

      const names = readdirSync(join(ROOT, "prisma/migrations")).filter((n) => /^\d{14}_/.test(n)).sort();
      const newest = names.at(-1)!;
      holder.prepare("DELETE FROM _prisma_migrations WHERE migration_name = ?").run(newest);
      const blocked = await migrate(["deploy"], url);
      expect(blocked.code).toBe(1);
      expect(blocked.stderr.trim()).toBe(
        `Could not lock ${url.replace(/^file:/, "")} to apply its pending migrations: another process (a worker or the dashboard) has it open. Stop them, run this again, then start them.`,
      );
      // It changed nothing: the other migrations are still recorded, the newest still pending.
      expect(holder.prepare("SELECT migration_name AS name FROM _prisma_migrations ORDER BY 1").all()).toEqual(names.slice(0, -1).map((name) => ({ name })));
    } finally {
      holder.close();
    }
  }, 60_000);
});

describe("migrate.mjs input errors", () => {
  it("names a DATABASE_URL it cannot use (tried: a mysql:// URL)", async () => {
    const result = await migrate(["deploy"], "mysql://localhost/x");
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('DATABASE_URL must be a file: URL (SQLite) or a postgresql:// URL, got "mysql://localhost/x"');
  });

  it("names an unreachable PostgreSQL server in one line (tried: port 1)", async () => {
    const result = await migrate(["deploy"], "postgresql://postgres@127.0.0.1:1/nothing");
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("127.0.0.1:1");
  });
});
