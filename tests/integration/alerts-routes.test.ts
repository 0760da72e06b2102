// The alert routes' handlers, called with API tokens: only admins manage channels; bad input gets a
// 422 with field errors; secrets never come back; test send answers its outcome.
process.env.SUNDIAL_HTTP_ALLOW_HOSTS = "127.0.0.1";

import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/auth/api-tokens";
import { startRecorder, type Recorder } from "../support/recorder";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";

vi.mock("server-only", () => ({}));

const channels = await import("@/app/api/v1/alert-channels/route");
const channel = await import("@/app/api/v1/alert-channels/[id]/route");
const testSend = await import("@/app/api/v1/alert-channels/[id]/test/route");
const deliveries = await import("@/app/api/v1/alert-deliveries/route");

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(handler: Handler, method: string, path: string, token: string, { body, params = {} }: { body?: unknown; params?: Record<string, string> } = {}) {
  const request = new NextRequest(`http://127.0.0.1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return handler(request, { params: Promise.resolve(params) });
}

describe.each(providers)("alert routes on %s", (provider) => {
  let t: TestDatabase;
  let recorder: Recorder;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await freshDatabase(provider);
    (globalThis as { __sundialDb?: unknown }).__sundialDb = t.db;
    recorder = await startRecorder();
    const admin = await t.db.user.create({ data: { id: "admin-1", name: "Ada", email: "ada@example.com", emailVerified: true, role: "admin" } });
    for (const role of ["viewer", "operator", "admin"] as const) {
      tokens[role] = (await createApiToken(t.db, { name: role, role }, { actor: { type: "user", id: admin.id, label: admin.email }, role: "admin" })).secret;
    }
  });
  afterAll(async () => {
    delete (globalThis as { __sundialDb?: unknown }).__sundialDb;
    await recorder?.close();
    await t?.drop();
  });

  it("refuses viewers and operators with 403", async () => {
    for (const role of ["viewer", "operator"]) {
      const list = await call(channels.GET, "GET", "/api/v1/alert-channels", tokens[role]!);
      expect(list.status, role).toBe(403);
      const create = await call(channels.POST, "POST", "/api/v1/alert-channels", tokens[role]!, { body: { name: "x", type: "slack", config: { url: "https://hooks.example.test/x" } } });
      expect(create.status, role).toBe(403);
      expect((await call(deliveries.GET, "GET", "/api/v1/alert-deliveries", tokens[role]!)).status, role).toBe(403);
    }
    expect(await t.db.alertChannel.count()).toBe(0);
  });

  it("answers bad input with 422 and field errors (tried: unknown type, no url, a limit of 500)", async () => {
    const bad = await call(channels.POST, "POST", "/api/v1/alert-channels", tokens.admin!, { body: { name: "x", type: "pager" } });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.details.fieldErrors).toEqual({ type: ["type must be one of webhook, slack, email"] });
    const noUrl = await call(channels.POST, "POST", "/api/v1/alert-channels", tokens.admin!, { body: { name: "x", type: "webhook", config: {} } });
    expect(noUrl.status).toBe(422);
    expect((await noUrl.json()).error.details.fieldErrors).toEqual({ "config.url": ["url is required"] });
    const limit = await call(deliveries.GET, "GET", "/api/v1/alert-deliveries?limit=500", tokens.admin!);
    expect(limit.status).toBe(422);
  });

  it("creates, reads, test-sends, updates and deletes a channel without ever returning its secrets", async () => {
    const created = await call(channels.POST, "POST", "/api/v1/alert-channels", tokens.admin!, {
      body: { name: "ops", type: "webhook", global: true, events: ["failure", "recovery"], config: { url: `${recorder.url}/hook?token=abc123`, signingSecret: "s3cret" } },
    });
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as { data: { id: string } };
    const text = JSON.stringify(await (await call(channel.GET, "GET", `/api/v1/alert-channels/${data.id}`, tokens.admin!, { params: { id: data.id } })).json());
    expect(text).not.toContain("abc123");
    expect(text).not.toContain("s3cret");
    expect(JSON.parse(text).data).toMatchObject({ name: "ops", type: "webhook", events: ["failure", "recovery"], config: { target: `${recorder.url}/…`, signingSecretSet: true } });

    const sent = await call(testSend.POST, "POST", `/api/v1/alert-channels/${data.id}/test`, tokens.admin!, { params: { id: data.id } });
    expect((await sent.json()).data).toMatchObject({ ok: true, error: null });
    expect(recorder.hits.map((hit) => hit.path)).toEqual(["/hook"]);

    const renamed = await call(channel.PUT, "PUT", `/api/v1/alert-channels/${data.id}`, tokens.admin!, { params: { id: data.id }, body: { name: "ops-renamed", type: "webhook", config: {} } });
    expect(renamed.status).toBe(200);
    const list = (await (await call(deliveries.GET, "GET", "/api/v1/alert-deliveries?status=sent", tokens.admin!)).json()) as { data: { event: string; channelName: string }[] };
    expect(list.data).toMatchObject([{ event: "test", channelName: "ops" }]);

    expect((await call(channel.DELETE, "DELETE", `/api/v1/alert-channels/${data.id}`, tokens.admin!, { params: { id: data.id } })).status).toBe(200);
    const gone = await call(channel.GET, "GET", `/api/v1/alert-channels/${data.id}`, tokens.admin!, { params: { id: data.id } });
    expect(gone.status).toBe(404);
    expect((await call(testSend.POST, "POST", `/api/v1/alert-channels/${data.id}/test`, tokens.admin!, { params: { id: data.id } })).status).toBe(404);
  });
});
