import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db, type DbProvider } from "@/lib/db";
import { migrationsDirFor } from "@/lib/health/migration-state";
import { checkReadiness } from "@/lib/health/readiness";
import { markWorkerStopped, recordHeartbeat, registerWorker } from "@/lib/workers/register-worker";
import { adminQuery, pgUrlFor } from "../support/postgres";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";
import { workerRegistration } from "../support/workers";

const worker = (id: string) => workerRegistration(id);
const OFFLINE_AFTER_SECONDS = 30;

const cleanups: (() => Promise<unknown> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A database with no tables at all: what a new install points at before `migrate deploy`. */
async function blankDb(provider: DbProvider): Promise<Db> {
  let url: string;
  if (provider === "sqlite") {
    url = `file:${join(tempDir("sundial-blank-"), "blank.db")}`;
  } else {
    const admin = process.env.TEST_POSTGRES_URL!;
    const name = `sundial_blank_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await adminQuery(admin, `CREATE DATABASE ${name}`);
    cleanups.push(() => adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    url = pgUrlFor(admin, name);
  }
  const db = createDb(url);
  cleanups.push(() => db.$disconnect());
  return db;
}

describe.each(providers)("readiness on %s", (provider) => {
  const migrationsDir = migrationsDirFor(provider);
  const shipped = readdirSync(migrationsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const ready = (db: Db, dir = migrationsDir) => checkReadiness(() => db, { migrationsDir: dir, offlineAfterSeconds: OFFLINE_AFTER_SECONDS });

  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("is ready only while a worker heartbeats: not before one starts, not once its heartbeat is stale, not once it stopped", async () => {
    const none = await ready(t.db);
    expect(none.ready).toBe(false);
    expect(none.checks.database).toMatchObject({ ok: true, provider });
    expect(none.checks.migrations).toEqual({ ok: true, shipped: shipped.length, applied: shipped.length, pending: [], failed: [] });
    expect(none.checks.worker).toEqual({ ok: false, online: 0, lastHeartbeatAt: null, heartbeatAgeSeconds: null });

    await registerWorker(t.db, worker("w1"), new Date());
    const alive = await ready(t.db);
    expect(alive.ready).toBe(true);
    expect(alive.checks.worker).toMatchObject({ ok: true, online: 1 });

    // Tried: a heartbeat one second past the offline threshold (the worker froze or died).
    await t.db.worker.update({ where: { id: "w1" }, data: { lastHeartbeatAt: new Date(Date.now() - (OFFLINE_AFTER_SECONDS + 1) * 1000) } });
    const stale = await ready(t.db);
    expect(stale.ready).toBe(false);
    expect(stale.checks.worker).toMatchObject({ ok: false, online: 0 });
    expect((stale.checks.worker as { heartbeatAgeSeconds: number }).heartbeatAgeSeconds).toBeGreaterThanOrEqual(OFFLINE_AFTER_SECONDS + 1);

    expect(await recordHeartbeat(t.db, "w1", new Date())).toBe(true);
    expect((await ready(t.db)).ready).toBe(true);

    // A clean shutdown stamps a fresh heartbeat too; stopped must still count as gone.
    await markWorkerStopped(t.db, "w1", new Date());
    const stopped = await ready(t.db);
    expect(stopped.ready).toBe(false);
    expect(stopped.checks.worker).toMatchObject({ ok: false, online: 0, lastHeartbeatAt: null });
  });

  it("is not ready when migrations are missing: a blank database, a migration shipped but not applied, a failed one", async () => {
    await registerWorker(t.db, worker("w2"), new Date());

    const blank = await ready(await blankDb(provider));
    expect(blank.ready).toBe(false);
    expect(blank.checks.database.ok).toBe(true);
    expect(blank.checks.migrations).toEqual({ ok: false, shipped: shipped.length, applied: 0, pending: shipped, failed: [] });
    expect(blank.checks.worker).toMatchObject({ ok: false });

    // A newer build on an older database: one more folder on disk than the database has applied.
    const newer = join(tempDir("sundial-migrations-"), "migrations");
    cpSync(migrationsDir, newer, { recursive: true });
    mkdirSync(join(newer, "29990101000000_from_the_future"));
    const behind = await ready(t.db, newer);
    expect(behind.ready).toBe(false);
    expect(behind.checks.migrations).toMatchObject({ ok: false, applied: shipped.length, pending: ["29990101000000_from_the_future"] });

    const failing = await freshDatabase(provider);
    cleanups.push(() => failing.drop());
    await registerWorker(failing.db, worker("w3"), new Date());
    await failing.db.$executeRawUnsafe(`UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = '${shipped.at(-1)!}'`);
    const failed = await ready(failing.db);
    expect(failed.ready).toBe(false);
    expect(failed.checks.migrations).toMatchObject({ ok: false, failed: [shipped.at(-1)], pending: [] });

    // A missing migrations folder is a broken install: said so, and not cached as "nothing shipped".
    const gone = await ready(t.db, join(tempDir("sundial-nomig-"), "migrations"));
    expect(gone.checks.migrations).toMatchObject({ ok: false, error: expect.stringContaining("can't read the migrations folder") });
  });

  it("is not ready when the database is unreachable, and says so instead of failing", async () => {
    // Tried: a server that refuses connections (PostgreSQL), a path that is a directory (SQLite).
    const open = provider === "postgresql" ? () => createDb("postgresql://postgres@127.0.0.1:1/sundial") : () => createDb(`file:${tempDir("sundial-dir-")}`);
    const report = await checkReadiness(open, { migrationsDir, offlineAfterSeconds: OFFLINE_AFTER_SECONDS });
    expect(report.ready).toBe(false);
    expect(report.checks.database).toMatchObject({ ok: false });
    expect((report.checks.database as { error: string }).error).not.toBe("");
    expect(report.checks.migrations).toEqual({ ok: false, error: "not checked: the database is unreachable" });
  });
});
