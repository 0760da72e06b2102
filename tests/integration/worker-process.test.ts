import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";
import { runNode } from "../support/run-node";
import { eventually, startWorker } from "../support/worker-process";

describe.each(providers)("worker process on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("registers, heartbeats, and records a clean stop on SIGTERM", async () => {
    const worker = startWorker(t.url, { WORKER_HEARTBEAT_SECONDS: "1", WORKER_OFFLINE_AFTER_SECONDS: "5", WORKER_CONCURRENCY: "7" });
    try {
      const row = await eventually(async () => (await t.db.worker.findFirst({ where: { pid: worker.child.pid } })) ?? undefined, 30_000, "registration");
      expect(row).toMatchObject({ capacity: 7, stoppedAt: null, shellEnabled: false, sweepsAlerts: true });

      const later = await eventually(async () => {
        const current = await t.db.worker.findUniqueOrThrow({ where: { id: row.id } });
        return current.lastHeartbeatAt > row.lastHeartbeatAt ? current : undefined;
      }, 10_000, "a second heartbeat");
      expect(later.lastHeartbeatAt.getTime()).toBeGreaterThan(row.lastHeartbeatAt.getTime());

      worker.child.kill("SIGTERM");
      expect(await worker.exited).toBe(0);
      const stopped = await t.db.worker.findUniqueOrThrow({ where: { id: row.id } });
      expect(stopped.stoppedAt).not.toBeNull();
      expect(worker.output()).toContain('"msg":"worker stopped"');
    } finally {
      worker.child.kill("SIGKILL");
    }
  });

  it("registers as not sweeping alerts with SUNDIAL_ALERT_SWEEP_MS=0, so it is never the one chosen to evaluate them", async () => {
    const worker = startWorker(t.url, { SUNDIAL_ALERT_SWEEP_MS: "0" });
    try {
      const row = await eventually(async () => (await t.db.worker.findFirst({ where: { pid: worker.child.pid } })) ?? undefined, 30_000, "registration");
      expect(row.sweepsAlerts).toBe(false);
      worker.child.kill("SIGTERM");
      expect(await worker.exited).toBe(0);
    } finally {
      worker.child.kill("SIGKILL");
    }
  });
});

describe("worker configuration errors", () => {
  it("stops with one line naming the setting (tried: unknown timezone, a mysql:// URL)", async () => {
    const result = await runNode(["scripts/worker.mjs"], {
      SUNDIAL_TIMEZONE: "Mars/Olympus",
      DATABASE_URL: "mysql://db/x",
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'sundial worker: Invalid configuration: DATABASE_URL must be a file: URL (SQLite) or a postgresql:// URL, got "mysql://db/x"; SUNDIAL_TIMEZONE is not a known IANA timezone: "Mars/Olympus"',
    );
  });

  it("keeps retrying while the database is unreachable, and still stops cleanly", async () => {
    const worker = startWorker("postgresql://postgres@127.0.0.1:1/nothing", { WORKER_HEARTBEAT_SECONDS: "1" });
    try {
      await eventually(async () => (worker.output().includes('"msg":"heartbeat failed"') ? true : undefined), 20_000, "a logged failure");
      expect(worker.child.exitCode).toBeNull();
      worker.child.kill("SIGTERM");
      expect(await worker.exited).toBe(0);
    } finally {
      worker.child.kill("SIGKILL");
    }
  });
});
