// listJobs, the read model behind GET /api/v1/jobs and the dashboard's jobs list: every filter
// (failing included), every sort, pagination and the recent-runs strip, on each database; and the
// route's 422 for a bad query string.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/auth/api-tokens";
import type { RunStatus } from "@/lib/db";
import type * as EnvModule from "@/lib/env";
import { parseEnv, type Env } from "@/lib/env";
import { listJobs, RECENT_RUNS_PER_JOB } from "@/lib/jobs/read";
import { JobListQuery } from "@/lib/validation/job-queries";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";

const settings = vi.hoisted(() => ({ env: undefined as Env | undefined }));
vi.mock("server-only", () => ({}));
vi.mock("@/lib/env", async (importOriginal) => {
  const actual = await importOriginal<typeof EnvModule>();
  return { ...actual, env: () => settings.env ?? actual.env() };
});

const jobsRoute = await import("@/app/api/v1/jobs/route");

const HOUR = 3_600_000;
const BASE = new Date("2026-06-01T00:00:00Z").getTime();
const at = (hours: number) => new Date(BASE + hours * HOUR);

type Seed = { name: string; kind?: "http" | "shell" | "task"; paused?: boolean; tags?: string[]; nextRunAt?: Date | null; createdHour: number; runs?: RunStatus[] };

// Runs are listed oldest first: the last one is the newest.
const SEEDS: Seed[] = [
  { name: "Backup-Orders", kind: "http", tags: ["ops", "db"], nextRunAt: at(30), createdHour: 3, runs: ["succeeded", "failed"] },
  { name: "backup-users", kind: "http", tags: ["ops"], nextRunAt: at(10), createdHour: 1, runs: ["failed", "succeeded"] },
  { name: "cleanup_tmp", kind: "shell", paused: true, nextRunAt: at(20), createdHour: 2, runs: ["timed_out", "missed", "skipped", "canceled", "queued"] },
  { name: "daily-report", kind: "task", tags: ["reports"], nextRunAt: null, createdHour: 5, runs: ["lost", "running"] },
  { name: "send%mail", kind: "task", tags: ["mail"], nextRunAt: at(5), createdHour: 4, runs: [] },
];

describe.each(providers)("listJobs on %s", (provider) => {
  let t: TestDatabase;
  const ids: Record<string, string> = {};
  let token: string;

  beforeAll(async () => {
    t = await freshDatabase(provider);
    for (const seed of SEEDS) {
      const job = await t.db.job.create({
        data: {
          name: seed.name,
          kind: seed.kind ?? "task",
          config: seed.kind === "http" ? { method: "GET", url: "https://example.com" } : seed.kind === "shell" ? { program: "true", args: [] } : { task: "sundial.daily-report" },
          triggerType: "cron",
          trigger: { expression: "0 * * * *" },
          paused: seed.paused ?? false,
          nextRunAt: seed.nextRunAt ?? null,
          createdAt: at(seed.createdHour),
          tags: { create: (seed.tags ?? []).map((tag) => ({ tag })) },
        },
      });
      ids[seed.name] = job.id;
      await t.db.run.createMany({
        data: (seed.runs ?? []).map((status, i) => ({ jobId: job.id, scheduledFor: at(i), slotAt: at(i), source: "schedule" as const, status })),
      });
    }
    settings.env = parseEnv({ DATABASE_URL: t.url, LOG_LEVEL: "silent", SUNDIAL_SECRET: "jobs-list-test-secret-0123456789" });
    (globalThis as { __sundialDb?: unknown }).__sundialDb = t.db;
    token = (await createApiToken(t.db, { name: "reader", role: "viewer" }, { actor: { type: "user", id: null, label: "admin@example.com" }, role: "admin" })).secret;
  });
  afterAll(async () => {
    delete (globalThis as { __sundialDb?: unknown }).__sundialDb;
    await t?.drop();
  });

  const names = async (query: Record<string, string>) => (await listJobs(t.db, JobListQuery.parse(query))).items.map((job) => job.name);

  it("searches names in any case, and takes % and _ literally", async () => {
    expect(await names({ q: "BACKUP" })).toEqual(["Backup-Orders", "backup-users"]);
    expect(await names({ q: "%" })).toEqual(["send%mail"]);
    expect(await names({ q: "p_t" })).toEqual(["cleanup_tmp"]);
    expect(await names({ q: "nothing-like-this" })).toEqual([]);
  });

  it("filters by status, kind and tag", async () => {
    expect(await names({ status: "paused" })).toEqual(["cleanup_tmp"]);
    expect(await names({ status: "active" })).toEqual(["Backup-Orders", "backup-users", "daily-report", "send%mail"]);
    expect(await names({ kind: "task" })).toEqual(["daily-report", "send%mail"]);
    expect(await names({ tag: "OPS" })).toEqual(["Backup-Orders", "backup-users"]);
    expect(await names({ tag: "ops", q: "orders" })).toEqual(["Backup-Orders"]);
  });

  it("filters failing jobs by their most recent outcome, not by their newest run", async () => {
    // Backup-Orders: succeeded then failed. cleanup_tmp: timed out, then only runs without an
    // outcome (missed, skipped, canceled, queued). daily-report: lost, then running.
    expect(await names({ failing: "1" })).toEqual(["Backup-Orders", "cleanup_tmp", "daily-report"]);
    // backup-users recovered (failed, then succeeded); send%mail never ran.
    expect(await names({ failing: "0" })).toEqual(["backup-users", "send%mail"]);
    expect(await names({ failing: "true", kind: "shell" })).toEqual(["cleanup_tmp"]);
    // The filter counts in the database: the total is of the failing jobs, not of a page.
    const page = await listJobs(t.db, JobListQuery.parse({ failing: "1", pageSize: "2" }));
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page.items.map((job) => job.name)).toEqual(["Backup-Orders", "cleanup_tmp"]);
  });

  it("sorts by name, next run (none last, both ways), creation and update", async () => {
    // Names compare by the database's collation; these differ in more than case.
    expect(await names({ sort: "name" })).toEqual(["Backup-Orders", "backup-users", "cleanup_tmp", "daily-report", "send%mail"]);
    expect(await names({ sort: "-name" })).toEqual(["send%mail", "daily-report", "cleanup_tmp", "backup-users", "Backup-Orders"]);
    expect(await names({ sort: "nextRunAt" })).toEqual(["send%mail", "backup-users", "cleanup_tmp", "Backup-Orders", "daily-report"]);
    expect(await names({ sort: "-nextRunAt" })).toEqual(["Backup-Orders", "cleanup_tmp", "backup-users", "send%mail", "daily-report"]);
    expect(await names({ sort: "createdAt" })).toEqual(["backup-users", "cleanup_tmp", "Backup-Orders", "send%mail", "daily-report"]);
    expect(await names({ sort: "-createdAt" })).toEqual(["daily-report", "send%mail", "Backup-Orders", "cleanup_tmp", "backup-users"]);
    await t.db.job.update({ where: { id: ids["cleanup_tmp"] }, data: { description: "touched" } });
    expect((await names({ sort: "-updatedAt" }))[0]).toBe("cleanup_tmp");
    expect((await names({ sort: "updatedAt" })).at(-1)).toBe("cleanup_tmp");
  });

  it("pages with a total, and a page past the end is empty", async () => {
    const first = await listJobs(t.db, JobListQuery.parse({ pageSize: "2" }));
    const second = await listJobs(t.db, JobListQuery.parse({ pageSize: "2", page: "2" }));
    const third = await listJobs(t.db, JobListQuery.parse({ pageSize: "2", page: "3" }));
    expect([first, second, third].map((p) => p.items.map((job) => job.name))).toEqual([
      ["Backup-Orders", "backup-users"],
      ["cleanup_tmp", "daily-report"],
      ["send%mail"],
    ]);
    expect(second).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(await listJobs(t.db, JobListQuery.parse({ pageSize: "2", page: "4" }))).toMatchObject({ items: [], total: 5, page: 4 });
  });

  it("gives each job its newest runs, newest first, at most ten, and only its own", async () => {
    const busy = await t.db.job.create({
      data: { name: "zz-busy", kind: "task", config: { task: "sundial.daily-report" }, triggerType: "cron", trigger: { expression: "* * * * *" } },
    });
    const other = await t.db.job.create({
      data: { name: "zz-other", kind: "task", config: { task: "sundial.daily-report" }, triggerType: "cron", trigger: { expression: "* * * * *" } },
    });
    // 25 scheduled runs, a manual run after them, and runs of another job in between.
    const busyRuns = Array.from({ length: 25 }, (_, i) => ({ jobId: busy.id, scheduledFor: at(100 + i), slotAt: at(100 + i), source: "schedule" as const, status: (i % 3 === 0 ? "failed" : "succeeded") as RunStatus }));
    await t.db.run.createMany({ data: busyRuns });
    await t.db.run.create({ data: { jobId: busy.id, scheduledFor: at(124.5), source: "manual", status: "queued" } });
    await t.db.run.createMany({ data: Array.from({ length: 5 }, (_, i) => ({ jobId: other.id, scheduledFor: at(110.5 + i), slotAt: at(110.5 + i), source: "schedule" as const, status: "canceled" as RunStatus })) });

    const page = await listJobs(t.db, JobListQuery.parse({ q: "zz-" }));
    const [busyItem, otherItem] = page.items;
    expect(busyItem!.recentRuns).toHaveLength(RECENT_RUNS_PER_JOB);
    const expectedTimes = [at(124.5), ...Array.from({ length: 9 }, (_, i) => at(124 - i))].map((d) => d.toISOString());
    expect(busyItem!.recentRuns.map((run) => run.scheduledFor)).toEqual(expectedTimes);
    const stored = await t.db.run.findMany({ where: { jobId: busy.id }, select: { id: true } });
    const busyRunIds = new Set(stored.map((run) => run.id));
    expect(busyItem!.recentRuns.every((run) => busyRunIds.has(run.id))).toBe(true);
    expect(busyItem!.recentRuns.slice(1).map((run) => run.status)).toEqual(busyRuns.slice(-9).reverse().map((run) => run.status));
    expect(busyItem!.lastRun).toEqual(busyItem!.recentRuns[0]);
    expect(otherItem!.recentRuns.map((run) => run.status)).toEqual(Array(5).fill("canceled"));

    const [never] = (await listJobs(t.db, JobListQuery.parse({ q: "send" }))).items;
    expect(never).toMatchObject({ lastRun: null, recentRuns: [] });
  });

  it("keeps the API's item shape: last run, schedule in words, ISO instants", async () => {
    const [item] = (await listJobs(t.db, JobListQuery.parse({ q: "backup-orders" }))).items;
    expect(item).toMatchObject({
      name: "Backup-Orders",
      kind: "http",
      target: "GET https://example.com",
      schedule: "0 * * * *",
      scheduleDescription: "Every hour (UTC)",
      paused: false,
      nextRunAt: at(30).toISOString(),
      tags: ["db", "ops"],
      lastRun: { status: "failed", scheduledFor: at(1).toISOString() },
      createdAt: at(3).toISOString(),
    });
  });

  const get = (query: string) => jobsRoute.GET(new NextRequest(`http://127.0.0.1/api/v1/jobs${query}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });

  it("answers GET /api/v1/jobs with the failing filter and the strip", async () => {
    const response = await get("?failing=1&kind=http");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ name: "Backup-Orders", recentRuns: [{ status: "failed" }, { status: "succeeded" }] });
  });

  it("refuses a bad query with 422 and a message per field (tried: sort=bogus, page=0, failing=maybe)", async () => {
    const response = await get("?sort=bogus&page=0&failing=maybe");
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("validation");
    expect(error.details.fieldErrors).toEqual({
      sort: [expect.stringContaining("sort must be one of name, -name, nextRunAt")],
      page: ["page must be at least 1"],
      failing: ["failing must be 1 or 0 (or true or false)"],
    });
  });
});
