import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record-audit";
import { listAuditEvents, listAuditFacets, pageAuditEvents } from "@/lib/audit/read";
import { ValidationError } from "@/lib/errors";
import type { Actor } from "@/lib/jobs/actor";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";

const ada: Actor = { type: "user", id: "u-ada", label: "ada@example.com" };
const ci: Actor = { type: "token", id: "t-ci", label: "ci-deployer" };

describe.each(providers)("the audit log read on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(provider);
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 12, minute));
    await recordAudit(t.db, ada, { action: "job.create", targetType: "job", targetId: "j1", after: { name: "a" }, at: at(1) });
    await recordAudit(t.db, ci, { action: "job.create", targetType: "job", targetId: "j2", after: { name: "b" }, at: at(2) });
    await recordAudit(t.db, ada, { action: "job.update", targetType: "job", targetId: "j1", before: { name: "a" }, after: { name: "c" }, at: at(3) });
    await recordAudit(t.db, ada, { action: "token.create", targetType: "api_token", targetId: "t-ci", after: { name: "ci-deployer" }, at: at(4) });
  });
  afterAll(async () => {
    await t?.drop();
  });

  const ids = async (filter: Parameters<typeof listAuditEvents>[1]) => (await listAuditEvents(t.db, filter)).items.map((e) => `${e.action}:${e.target.id}`);

  it("filters on the server by action, target and actor, each alone and together", async () => {
    const page = { page: 1, pageSize: 50 };
    expect(await ids({ ...page, action: "job.create" })).toEqual(["job.create:j2", "job.create:j1"]);
    expect(await ids({ ...page, targetType: "job", targetId: "j1" })).toEqual(["job.update:j1", "job.create:j1"]);
    expect(await ids({ ...page, actor: "ci-dep" })).toEqual(["job.create:j2"]);
    expect(await ids({ ...page, actor: "ada@", action: "job.create" })).toEqual(["job.create:j1"]);
    // A filter that matches nothing is an empty page, not an error.
    expect(await listAuditEvents(t.db, { ...page, action: "job.explode" })).toEqual({ items: [], total: 0, page: 1, pageSize: 50 });
  });

  it("pages newest first, the total counting the filtered events", async () => {
    const second = await listAuditEvents(t.db, { page: 2, pageSize: 1, targetType: "job" });
    expect(second.total).toBe(3);
    expect(second.items.map((e) => e.action)).toEqual(["job.create"]);
    expect(second.items[0]!.target.id).toBe("j2");
  });

  it("filters by time: from is inclusive, to exclusive", async () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 12, minute));
    expect(await ids({ page: 1, pageSize: 50, from: at(2), to: at(4) })).toEqual(["job.update:j1", "job.create:j2"]);
    expect(await ids({ page: 1, pageSize: 50, from: at(4) })).toEqual(["token.create:t-ci"]);
  });

  it("pages by cursor for the API, newest first, with the same filters", async () => {
    const first = await pageAuditEvents(t.db, { limit: 2 });
    expect(first.items.map((e) => e.action)).toEqual(["token.create", "job.update"]);
    expect(first.nextCursor).not.toBeNull();
    const second = await pageAuditEvents(t.db, { limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((e) => `${e.action}:${e.target.id}`)).toEqual(["job.create:j2", "job.create:j1"]);
    expect(second.nextCursor).toBeNull();
    const filtered = await pageAuditEvents(t.db, { limit: 1, targetType: "job", actor: "ada" });
    expect(filtered.items.map((e) => e.action)).toEqual(["job.update"]);
    const rest = await pageAuditEvents(t.db, { limit: 1, targetType: "job", actor: "ada", cursor: filtered.nextCursor! });
    expect(rest).toMatchObject({ items: [{ action: "job.create", target: { id: "j1" } }], nextCursor: null });
    // Tried: a cursor that is not one of ours.
    await expect(pageAuditEvents(t.db, { limit: 2, cursor: "not-a-cursor" })).rejects.toBeInstanceOf(ValidationError);
  });

  it("lists the actions and target types there are, for the filter choices", async () => {
    expect(await listAuditFacets(t.db)).toEqual({ actions: ["job.create", "job.update", "token.create"], targetTypes: ["api_token", "job"] });
  });
});
