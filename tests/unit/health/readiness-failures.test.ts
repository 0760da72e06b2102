import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { checkReadiness } from "@/lib/health/readiness";

const options = { migrationsDir: "prisma/migrations", offlineAfterSeconds: 30, timeoutMs: 50 };

describe("checkReadiness when the database can't be asked", () => {
  it("answers not ready within its timeout when the database never answers", async () => {
    const hanging = { $queryRaw: () => new Promise(() => undefined) } as unknown as Db;
    const report = await checkReadiness(() => hanging, options);
    expect(report.ready).toBe(false);
    expect(report.checks.database).toMatchObject({ ok: false, error: "the database did not answer within 50 ms" });
    expect(report.checks.migrations).toEqual({ ok: false, error: "not checked: the database is unreachable" });
    expect(report.checks.worker).toEqual({ ok: false, error: "not checked: the database is unreachable" });
  });

  it("answers not ready when no client can even be made", async () => {
    const report = await checkReadiness(() => {
      throw new Error("SQLITE_CANTOPEN: unable to open database file");
    }, options);
    expect(report).toMatchObject({ ready: false, checks: { database: { ok: false, provider: null, error: "SQLITE_CANTOPEN: unable to open database file" } } });
  });
});
