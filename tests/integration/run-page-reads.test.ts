// What the runs page reads beside listRuns: the job picker, and its URL's day range applied to the ledger.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunStatus } from "@/lib/db";
import { getRun, JOB_OPTIONS_LIMIT, listJobOptions, listRuns } from "@/lib/runs/read";
import { parseRunPageSearch, RUN_STATUSES } from "@/lib/validation/run-queries";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";

describe.each(providers)("runs page reads on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  const job = (name: string) => t.db.job.create({ data: { name, kind: "http", config: { url: "https://example.com" }, triggerType: "cron", trigger: { expression: "0 * * * *" } } });

  it("offers every job by name, alphabetically, with its id", async () => {
    const zeta = await job("zeta-sync");
    const alpha = await job("alpha-backup");
    const options = await listJobOptions(t.db);
    const ours = options.filter((o) => [zeta.id, alpha.id].includes(o.id));
    expect(ours).toEqual([
      { id: alpha.id, name: "alpha-backup" },
      { id: zeta.id, name: "zeta-sync" },
    ]);
    expect(options.length).toBeLessThanOrEqual(JOB_OPTIONS_LIMIT);
  });

  it("shows the runs of the URL's days, the last day included, and the statuses asked for", async () => {
    const nightly = await job("nightly-days");
    const runAt = (iso: string, status: "succeeded" | "failed") =>
      t.db.run.create({ data: { jobId: nightly.id, scheduledFor: new Date(iso), slotAt: new Date(iso), source: "schedule", status } });
    await runAt("2026-11-19T23:59:59.999Z", "failed");
    const first = await runAt("2026-11-20T00:00:00.000Z", "failed");
    const middle = await runAt("2026-11-21T12:00:00.000Z", "succeeded");
    const last = await runAt("2026-11-22T23:59:59.999Z", "failed");
    await runAt("2026-11-23T00:00:00.000Z", "failed");

    const query = (search: Record<string, string | string[]>) => {
      const { filters } = parseRunPageSearch({ jobId: nightly.id, ...search });
      return listRuns(t.db, { ...filters, from: filters.from ? new Date(filters.from) : undefined, to: filters.to ? new Date(filters.to) : undefined });
    };
    expect((await query({ from: "2026-11-20", to: "2026-11-22" })).items.map((r) => r.id)).toEqual([last.id, middle.id, first.id]);
    expect((await query({ from: "2026-11-20", to: "2026-11-22", status: "failed" })).items.map((r) => r.id)).toEqual([last.id, first.id]);
    expect((await query({ to: "2026-11-20", status: ["succeeded", "failed"] })).items).toHaveLength(2);
  });

  it("pages several statuses at once newest first, without skipping or repeating a run across pages", async () => {
    const mixed = await job("mixed-statuses");
    const base = Date.parse("2026-10-01T00:00:00Z");
    const statuses: RunStatus[] = ["failed", "succeeded", "lost", "timed_out", "failed", "succeeded", "lost", "failed", "timed_out", "succeeded"];
    for (const [i, status] of statuses.entries()) {
      await t.db.run.create({ data: { jobId: mixed.id, scheduledFor: new Date(base + Math.floor(i / 3) * 60_000), source: "manual", status } });
    }
    const asked: RunStatus[] = ["timed_out", "failed", "lost", "failed"];
    const expected = await t.db.run.findMany({
      where: { jobId: mixed.id, status: { in: asked } },
      orderBy: [{ scheduledFor: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(expected).toHaveLength(7);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listRuns(t.db, { jobId: mixed.id, status: asked, limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expected.map((r) => r.id));
    // Every status at once is the same as none.
    const everyStatus = await listRuns(t.db, { jobId: mixed.id, status: [...RUN_STATUSES] });
    expect(everyStatus.items.map((r) => r.id)).toEqual((await listRuns(t.db, { jobId: mixed.id })).items.map((r) => r.id));
    expect(everyStatus.items).toHaveLength(statuses.length);
  });

  it("follows a retry chain through a lost attempt and stops at the one that succeeded", async () => {
    const flaky = await job("flaky-chain");
    const at = (minutes: number) => new Date(Date.parse("2026-09-01T00:00:00Z") + minutes * 60_000);
    const first = await t.db.run.create({ data: { jobId: flaky.id, scheduledFor: at(0), slotAt: at(0), source: "schedule", status: "lost", attempt: 1 } });
    const second = await t.db.run.create({ data: { jobId: flaky.id, scheduledFor: at(1), source: "retry", status: "timed_out", attempt: 2, retryOfId: first.id } });
    const third = await t.db.run.create({ data: { jobId: flaky.id, scheduledFor: at(3), source: "retry", status: "succeeded", attempt: 3, retryOfId: second.id } });
    expect((await getRun(t.db, first.id)).retryChain.map((r) => [r.attempt, r.status])).toEqual([
      [1, "lost"],
      [2, "timed_out"],
      [3, "succeeded"],
    ]);
    expect((await getRun(t.db, third.id)).retryChain.map((r) => r.id)).toEqual([first.id, second.id, third.id]);
  });
});
