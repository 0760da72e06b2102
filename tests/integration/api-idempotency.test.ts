// Idempotency-Key on POST /api/v1/jobs and POST /api/v1/jobs/{id}/trigger, through the route
// handlers themselves: a retry replays the first response, another body with the key is a conflict.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/auth/api-tokens";
import type * as EnvModule from "@/lib/env";
import { parseEnv, type Env } from "@/lib/env";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";

const settings = vi.hoisted(() => ({ env: undefined as Env | undefined }));
vi.mock("server-only", () => ({}));
// Until the test database exists (the routes' modules build their logger on import), the real settings.
vi.mock("@/lib/env", async (importOriginal) => {
  const actual = await importOriginal<typeof EnvModule>();
  return { ...actual, env: () => settings.env ?? actual.env() };
});

const jobsRoute = await import("@/app/api/v1/jobs/route");
const triggerRoute = await import("@/app/api/v1/jobs/[id]/trigger/route");

const orderJob = {
  name: "cancel-order-8812",
  kind: "task",
  config: { task: "example.cancel-unpaid-order", payload: { orderId: "8812" } },
  trigger: { type: "date", runAt: "2099-12-01T10:15:00Z" },
};

function post(path: string, token: string, body: unknown, key?: string): NextRequest {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  if (key !== undefined) headers["idempotency-key"] = key;
  return new NextRequest(`http://127.0.0.1${path}`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
}

describe.each(providers)("Idempotency-Key on %s", (provider) => {
  let t: TestDatabase;
  let operator: string;
  let otherOperator: string;
  beforeAll(async () => {
    t = await freshDatabase(provider);
    settings.env = parseEnv({ DATABASE_URL: t.url, LOG_LEVEL: "silent", SUNDIAL_SECRET: "idempotency-test-secret-0123456789" });
    (globalThis as { __sundialDb?: unknown }).__sundialDb = t.db;
    const admin = { actor: { type: "user" as const, id: null, label: "admin@example.com" }, role: "admin" as const };
    operator = (await createApiToken(t.db, { name: "shop", role: "operator" }, admin)).secret;
    otherOperator = (await createApiToken(t.db, { name: "other shop", role: "operator" }, admin)).secret;
  });
  afterAll(async () => {
    delete (globalThis as { __sundialDb?: unknown }).__sundialDb;
    await t?.drop();
  });

  const createJobWith = (body: unknown, key?: string, token = operator) => jobsRoute.POST(post("/api/v1/jobs", token, body, key));
  const trigger = (jobId: string, body: unknown, key?: string, token = operator) =>
    triggerRoute.POST(post(`/api/v1/jobs/${jobId}/trigger`, token, body, key), { params: Promise.resolve({ id: jobId }) });

  it("replays the first response of a job creation, and refuses the key with another body", async () => {
    const first = await createJobWith(orderJob, "order-8812-cancel");
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const created = await first.json();

    // The same body with its keys in another order and other spacing is the same request.
    const reordered = `{ "trigger": {"runAt":"2099-12-01T10:15:00Z","type":"date"}, "name":"cancel-order-8812", "kind":"task", "config":{"payload":{"orderId":"8812"},"task":"example.cancel-unpaid-order"} }`;
    for (const body of [orderJob, reordered]) {
      const retry = await createJobWith(body, "order-8812-cancel");
      expect(retry.status).toBe(201);
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
      expect(await retry.json()).toEqual(created);
    }
    expect(await t.db.job.count({ where: { name: orderJob.name } })).toBe(1);

    // Tried: the same key with another order id.
    const reused = await createJobWith({ ...orderJob, config: { ...orderJob.config, payload: { orderId: "9999" } } }, "order-8812-cancel");
    expect(reused.status).toBe(409);
    expect((await reused.json()).error).toMatchObject({ code: "conflict", message: expect.stringContaining("order-8812-cancel") });

    const stored = await t.db.idempotencyKey.findFirstOrThrow({ where: { key: "order-8812-cancel" } });
    expect(stored.scope).toMatch(/^token:\S+ POST \/api\/v1\/jobs$/);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(24 * 3600_000);
  });

  it("keeps keys apart per caller and per route, forgets them after 24 h, and stores no failure", async () => {
    const job = (await (await createJobWith({ ...orderJob, name: "trigger-target" })).json()).data;
    const other = (await (await createJobWith({ ...orderJob, name: "other-target" })).json()).data;
    const runsOf = (jobId: string) => t.db.run.count({ where: { jobId } });

    const first = await trigger(job.id, { payload: { orderId: "1" } }, "run-1");
    expect(first.status).toBe(201);
    const replay = await trigger(job.id, { payload: { orderId: "1" } }, "run-1");
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect((await replay.json()).data.id).toBe((await first.json()).data.id);
    expect(await runsOf(job.id)).toBe(1);

    expect((await trigger(job.id, { payload: { orderId: "1" } }, "run-1", otherOperator)).headers.get("idempotent-replayed")).toBeNull();
    expect((await trigger(other.id, { payload: { orderId: "1" } }, "run-1")).status).toBe(201);
    expect(await runsOf(job.id)).toBe(2);
    expect(await runsOf(other.id)).toBe(1);

    await t.db.idempotencyKey.updateMany({ where: { key: "run-1" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const afterExpiry = await trigger(job.id, { payload: { orderId: "1" } }, "run-1");
    expect(afterExpiry.status).toBe(201);
    expect(afterExpiry.headers.get("idempotent-replayed")).toBeNull();
    expect(await runsOf(job.id)).toBe(3);

    // Tried: a payload the task refuses (no orderId). The 422 is not stored: the fixed request may reuse the key.
    const refused = await trigger(job.id, { payload: { order: "2" } }, "run-2");
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.details.fieldErrors).toMatchObject({ "payload.orderId": ["orderId is required"] });
    expect((await trigger(job.id, { payload: { orderId: "2" } }, "run-2")).status).toBe(201);
  });

  it("answers simultaneous requests with one key with one run, or one job", async () => {
    const job = (await (await createJobWith({ ...orderJob, name: "raced" })).json()).data;
    const responses = await Promise.all([1, 2, 3].map(() => trigger(job.id, {}, "raced-key")));
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201]);
    const ids = new Set(await Promise.all(responses.map(async (r) => (await r.json()).data.id)));
    expect(ids.size).toBe(1);
    expect(responses.filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(2);
    expect(await t.db.run.count({ where: { jobId: job.id } })).toBe(1);

    // A job creation that loses the race fails on the job's name before it reaches the key.
    const creations = await Promise.all([1, 2].map(() => createJobWith({ ...orderJob, name: "raced-job" }, "raced-job-key")));
    expect(creations.map((r) => r.status)).toEqual([201, 201]);
    expect(await t.db.job.count({ where: { name: "raced-job" } })).toBe(1);
  });

  it("refuses a malformed key", async () => {
    // Tried: a key of 256 characters, and one with a space.
    for (const key of ["k".repeat(256), "two words"]) {
      const response = await createJobWith({ ...orderJob, name: "never" }, key);
      expect(response.status, key).toBe(422);
      expect((await response.json()).error.details.fieldErrors).toHaveProperty("Idempotency-Key");
    }
  });
});
