// The REST API's contract for jobs and runs, as an API client meets it: success, 422 with field
// errors, 401, 403 for a viewer, 404 for unknown ids, and Idempotency-Key replays.
import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { test } from "./hydrated";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createDb } from "@/lib/db";
import type { Actor } from "@/lib/jobs/actor";
import { E2E_ADMIN, E2E_DATABASE_URL } from "../../playwright.config";

// Every request names its caller with a token; no session cookie rides along.
test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: "serial" });

const ADMIN_ACTOR: Actor = { type: "user", id: null, label: E2E_ADMIN.email };
const UNKNOWN = "00000000-0000-7000-8000-000000000000";

let operator: Record<string, string>;
let viewer: Record<string, string>;

test.beforeAll(async () => {
  const db = createDb(E2E_DATABASE_URL);
  try {
    const make = async (role: "viewer" | "operator", name: string) => ({
      authorization: `Bearer ${(await createApiToken(db, { name, role }, { actor: ADMIN_ACTOR, role: "admin" })).secret}`,
    });
    operator = await make("operator", "api-v1-operator");
    viewer = await make("viewer", "api-v1-viewer");
  } finally {
    await db.$disconnect();
  }
});

/** "Cancel this unpaid order in 15 minutes": the README's example. */
const orderJob = (name: string) => ({
  name,
  kind: "task",
  config: { task: "example.cancel-unpaid-order", payload: { orderId: "8812" } },
  trigger: { type: "date", runAt: new Date(Date.now() + 15 * 60_000).toISOString() },
  tags: ["orders"],
});

async function expectError(response: APIResponse, status: number, code: string): Promise<{ message: string; details: { fieldErrors?: Record<string, string[]> } | null }> {
  expect(response.status(), await response.text()).toBe(status);
  const { error } = await response.json();
  expect(error.code).toBe(code);
  return error;
}

const send = (request: APIRequestContext, method: string, path: string, headers: Record<string, string> = {}, data?: unknown) =>
  request.fetch(path, { method, headers, data });

test("jobs: create once per Idempotency-Key, read, list, update by version, pause, resume, run now, delete", async ({ request }) => {
  const body = orderJob("cancel-order-8812");
  const created = await request.post("/api/v1/jobs", { headers: { ...operator, "idempotency-key": "order-8812-cancel" }, data: body });
  expect(created.status()).toBe(201);
  const job = (await created.json()).data;
  expect(job).toMatchObject({ name: "cancel-order-8812", kind: "task", paused: false, version: 1, nextRunAt: body.trigger.runAt });

  const replayed = await request.post("/api/v1/jobs", { headers: { ...operator, "idempotency-key": "order-8812-cancel" }, data: body });
  expect(replayed.status()).toBe(201);
  expect(replayed.headers()["idempotent-replayed"]).toBe("true");
  expect((await replayed.json()).data.id).toBe(job.id);
  // Tried: the same key with another order.
  const reused = await request.post("/api/v1/jobs", { headers: { ...operator, "idempotency-key": "order-8812-cancel" }, data: { ...body, config: { ...body.config, payload: { orderId: "9999" } } } });
  await expectError(reused, 409, "conflict");

  const read = await request.get(`/api/v1/jobs/${job.id}`, { headers: viewer });
  expect(read.status()).toBe(200);
  expect(read.headers()["etag"]).toBe('"1"');
  const list = await request.get("/api/v1/jobs?q=ORDER-88&kind=task&status=active&tag=orders&sort=-createdAt", { headers: viewer });
  expect((await list.json()).items.map((j: { id: string }) => j.id)).toContain(job.id);

  const updated = await request.put(`/api/v1/jobs/${job.id}`, { headers: operator, data: { ...body, description: "from the shop", version: 1 } });
  expect(updated.status()).toBe(200);
  expect((await updated.json()).data).toMatchObject({ description: "from the shop", version: 2 });
  // Tried: an update based on version 1 again, named by If-Match.
  const stale = await request.put(`/api/v1/jobs/${job.id}`, { headers: { ...operator, "if-match": '"1"' }, data: { ...body, description: "lost update" } });
  const conflict = await expectError(stale, 409, "conflict");
  expect(conflict.message).toContain("api-v1-operator");
  expect(conflict.details).toMatchObject({ current: { version: 2, changedBy: "api-v1-operator" } });

  const paused = await request.post(`/api/v1/jobs/${job.id}/pause`, { headers: operator, data: { note: "customer paid" } });
  expect((await paused.json()).data).toMatchObject({ paused: true, pauseNote: "customer paid", version: 3 });
  const resumed = await request.post(`/api/v1/jobs/${job.id}/resume`, { headers: operator });
  expect((await resumed.json()).data).toMatchObject({ paused: false, pauseNote: null, version: 4 });

  const runNow = { headers: { ...operator, "idempotency-key": "run-8812-now" }, data: { payload: { orderId: "8812-b" } } };
  const triggered = await request.post(`/api/v1/jobs/${job.id}/trigger`, runNow);
  expect(triggered.status()).toBe(201);
  const run = (await triggered.json()).data;
  expect(run).toMatchObject({ jobId: job.id, source: "api", payload: { orderId: "8812-b" }, attempt: 1 });
  const again = await request.post(`/api/v1/jobs/${job.id}/trigger`, runNow);
  expect(again.headers()["idempotent-replayed"]).toBe("true");
  expect((await again.json()).data.id).toBe(run.id);

  const runs = await request.get(`/api/v1/runs?jobId=${job.id}&source=api`, { headers: viewer });
  expect((await runs.json()).items.map((r: { id: string }) => r.id)).toEqual([run.id]);

  const deleted = await request.delete(`/api/v1/jobs/${job.id}`, { headers: operator });
  expect((await deleted.json()).data).toMatchObject({ id: job.id, name: "cancel-order-8812", runs: 1 });
  await expectError(await request.get(`/api/v1/jobs/${job.id}`, { headers: viewer }), 404, "not_found");
});

test("runs: list with filters, detail with its retry chain, logs, cancel", async ({ request }) => {
  const job = (await (await request.post("/api/v1/jobs", { headers: operator, data: orderJob("runs-of-8812") })).json()).data;
  // A run for tomorrow stays queued (no worker claims it before its time), so it can be canceled.
  const db = createDb(E2E_DATABASE_URL);
  let queuedId: string;
  try {
    queuedId = (await db.run.create({ data: { jobId: job.id, source: "api", scheduledFor: new Date(Date.now() + 86_400_000) } })).id;
  } finally {
    await db.$disconnect();
  }

  const list = await request.get(`/api/v1/runs?status=queued,running&jobId=${job.id}&from=2000-01-01T00:00:00Z&limit=10`, { headers: viewer });
  expect(list.status()).toBe(200);
  expect(await list.json()).toMatchObject({ items: [{ id: queuedId, status: "queued" }], nextCursor: null });

  const detail = await request.get(`/api/v1/runs/${queuedId}`, { headers: viewer });
  expect((await detail.json()).data).toMatchObject({ id: queuedId, jobName: "runs-of-8812", retryChain: [{ id: queuedId }] });
  const logs = await request.get(`/api/v1/runs/${queuedId}/logs?afterSeq=0&limit=100`, { headers: viewer });
  expect(await logs.json()).toMatchObject({ items: [], nextAfterSeq: 0, complete: false });

  const canceled = await request.post(`/api/v1/runs/${queuedId}/cancel`, { headers: operator });
  expect(canceled.status()).toBe(200);
  expect((await canceled.json()).data).toMatchObject({ status: "canceled" });
});

test("401 for anonymous callers, 403 for a viewer's writes, 404 for unknown ids", async ({ request }) => {
  const job = (await (await request.post("/api/v1/jobs", { headers: operator, data: orderJob("guarded-8812") })).json()).data;
  const writes: [string, string, unknown?][] = [
    ["POST", "/api/v1/jobs", orderJob("viewer-made")],
    ["PUT", `/api/v1/jobs/${job.id}`, { ...orderJob("guarded-8812"), version: 1 }],
    ["DELETE", `/api/v1/jobs/${job.id}`],
    ["POST", `/api/v1/jobs/${job.id}/pause`, {}],
    ["POST", `/api/v1/jobs/${job.id}/resume`],
    ["POST", `/api/v1/jobs/${job.id}/trigger`, {}],
    ["POST", `/api/v1/runs/${UNKNOWN}/cancel`],
  ];
  const reads = ["/api/v1/jobs", `/api/v1/jobs/${job.id}`, "/api/v1/runs", `/api/v1/runs/${UNKNOWN}`, `/api/v1/runs/${UNKNOWN}/logs`];
  for (const [method, path, data] of writes) {
    await expectError(await send(request, method, path, {}, data), 401, "unauthorized");
    await expectError(await send(request, method, path, viewer, data), 403, "forbidden");
  }
  for (const path of reads) await expectError(await request.get(path), 401, "unauthorized");
  for (const path of reads.slice(0, 3)) expect((await request.get(path, { headers: viewer })).status(), path).toBe(200);

  const unknown: [string, string, unknown?][] = [
    ["GET", `/api/v1/jobs/${UNKNOWN}`],
    ["PUT", `/api/v1/jobs/${UNKNOWN}`, { ...orderJob("nobody"), version: 1 }],
    ["DELETE", `/api/v1/jobs/${UNKNOWN}`],
    ["POST", `/api/v1/jobs/${UNKNOWN}/pause`, {}],
    ["POST", `/api/v1/jobs/${UNKNOWN}/resume`],
    ["POST", `/api/v1/jobs/${UNKNOWN}/trigger`, {}],
    ["GET", `/api/v1/runs/${UNKNOWN}`],
    ["GET", `/api/v1/runs/${UNKNOWN}/logs`],
    ["POST", `/api/v1/runs/${UNKNOWN}/cancel`],
  ];
  for (const [method, path, data] of unknown) await expectError(await send(request, method, path, operator, data), 404, "not_found");
});

test("422 names the field of each bad input", async ({ request }) => {
  const job = (await (await request.post("/api/v1/jobs", { headers: operator, data: orderJob("validated-8812") })).json()).data;
  const cases: { tried: string; method: string; path: string; headers?: Record<string, string>; data?: unknown; field: string }[] = [
    { tried: "cron minute 75", method: "POST", path: "/api/v1/jobs", data: { ...orderJob("bad-cron"), trigger: { type: "cron", expression: "75 * * * *" } }, field: "trigger.expression" },
    { tried: "a body that is a list", method: "POST", path: "/api/v1/jobs", data: [1, 2], field: "_" },
    { tried: "a 256-character Idempotency-Key", method: "POST", path: "/api/v1/jobs", headers: { "idempotency-key": "k".repeat(256) }, data: orderJob("long-key"), field: "Idempotency-Key" },
    { tried: "an update without a version", method: "PUT", path: `/api/v1/jobs/${job.id}`, data: orderJob("validated-8812"), field: "version" },
    { tried: "If-Match that names no version", method: "PUT", path: `/api/v1/jobs/${job.id}`, headers: { "if-match": "*" }, data: orderJob("validated-8812"), field: "If-Match" },
    { tried: "a pause note of 501 characters", method: "POST", path: `/api/v1/jobs/${job.id}/pause`, data: { note: "n".repeat(501) }, field: "note" },
    { tried: "a payload with an empty orderId", method: "POST", path: `/api/v1/jobs/${job.id}/trigger`, data: { payload: { orderId: "" } }, field: "payload.orderId" },
    { tried: "status=archived", method: "GET", path: "/api/v1/jobs?status=archived", field: "status" },
    { tried: "pageSize=500", method: "GET", path: "/api/v1/jobs?pageSize=500", field: "pageSize" },
    { tried: "a run status that doesn't exist", method: "GET", path: "/api/v1/runs?status=failed,done", field: "status.1" },
    { tried: "from without a zone", method: "GET", path: "/api/v1/runs?from=2026-12-01T10:00", field: "from" },
    { tried: "a cursor no page gave out", method: "GET", path: "/api/v1/runs?cursor=bm9wZQ", field: "cursor" },
    { tried: "afterSeq=-1", method: "GET", path: `/api/v1/runs/${UNKNOWN}/logs?afterSeq=-1`, field: "afterSeq" },
  ];
  // resume and cancel take no input, so they have no 422.
  for (const { tried, method, path, headers, data, field } of cases) {
    const response = await send(request, method, path, { ...operator, ...headers }, data);
    expect(response.status(), tried).toBe(422);
    const { error } = await response.json();
    expect(error.code, tried).toBe("validation");
    expect(Object.keys(error.details.fieldErrors), tried).toContain(field);
  }
});
