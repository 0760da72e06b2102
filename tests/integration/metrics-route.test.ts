// The /api/metrics route handler itself, both ways it can be guarded: by SUNDIAL_METRICS_TOKEN when
// set, by a signed-in caller (here an API token) when not.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/auth/api-tokens";
import type * as EnvModule from "@/lib/env";
import { parseEnv, type Env } from "@/lib/env";
import { parsePrometheusText } from "../support/prometheus-text";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";

const settings = vi.hoisted(() => ({ env: undefined as Env | undefined }));
vi.mock("server-only", () => ({}));
vi.mock("@/lib/env", async (importOriginal) => {
  const actual = await importOriginal<typeof EnvModule>();
  // Loggers are made when their modules load, before a test has chosen its settings.
  return { ...actual, env: () => settings.env ?? actual.parseEnv({ LOG_LEVEL: "silent" }) };
});

const { GET } = await import("@/app/api/metrics/route");

const METRICS_TOKEN = "metrics-scrape-token-0123456789";

function get(authorization?: string): Promise<Response> {
  return GET(new NextRequest("http://127.0.0.1/api/metrics", { headers: authorization === undefined ? {} : { authorization } }));
}

describe.each(providers)("GET /api/metrics on %s", (provider) => {
  let t: TestDatabase;
  let apiToken: string;
  beforeAll(async () => {
    t = await freshDatabase(provider);
    (globalThis as { __sundialDb?: unknown }).__sundialDb = t.db;
    const admin = await t.db.user.create({ data: { id: "admin-1", name: "Ada", email: "ada@example.com", emailVerified: true, role: "admin" } });
    const created = await createApiToken(t.db, { name: "viewer", role: "viewer" }, { actor: { type: "user", id: admin.id, label: admin.email }, role: "admin" });
    apiToken = created.secret;
  });
  afterAll(async () => {
    delete (globalThis as { __sundialDb?: unknown }).__sundialDb;
    await t?.drop();
  });

  it("with SUNDIAL_METRICS_TOKEN set, answers that token alone", async () => {
    settings.env = parseEnv({ DATABASE_URL: t.url, LOG_LEVEL: "silent", SUNDIAL_METRICS_TOKEN: METRICS_TOKEN });
    // Tried: no header, a wrong token, the token one character short, another scheme, a valid API token.
    for (const authorization of [undefined, "Bearer wrong-token-0123456789abc", `Bearer ${METRICS_TOKEN.slice(0, -1)}`, `Basic ${METRICS_TOKEN}`, `Bearer ${apiToken}`]) {
      const response = await get(authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="sundial-metrics"');
      expect((await response.json()).error.code).toBe("unauthorized");
    }
    const ok = await get(`Bearer ${METRICS_TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    expect(parsePrometheusText(await ok.text()).samples.get("sundial_workers_online")).toBe(0);
  });

  it("without it, answers signed-in callers that may read runs", async () => {
    settings.env = parseEnv({ DATABASE_URL: t.url, LOG_LEVEL: "silent" });
    expect((await get()).status).toBe(401);
    expect((await get("Bearer sdl_not-a-real-token")).status).toBe(401);
    expect((await get(`Bearer ${METRICS_TOKEN}`)).status).toBe(401);
    const ok = await get(`Bearer ${apiToken}`);
    expect(ok.status).toBe(200);
    expect(parsePrometheusText(await ok.text()).types.get("sundial_runs")).toBe("gauge");
  });
});
