// The route handlers of the job export / import, the audit listing and the OpenAPI document, called
// as Next calls them, with API tokens of each role.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/auth/api-tokens";
import type * as EnvModule from "@/lib/env";
import type { Role } from "@/lib/auth/roles";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";

vi.mock("server-only", () => ({}));
vi.mock("@/lib/env", async (importOriginal) => {
  const actual = await importOriginal<typeof EnvModule>();
  const env = actual.parseEnv({ LOG_LEVEL: "silent", SUNDIAL_SECRET: "api-backup-routes-secret-0123456789" });
  return { ...actual, env: () => env };
});

const exportRoute = await import("@/app/api/v1/jobs/export/route");
const importRoute = await import("@/app/api/v1/jobs/import/route");
const jobsRoute = await import("@/app/api/v1/jobs/route");
const auditRoute = await import("@/app/api/v1/audit-events/route");
const openApiRoute = await import("@/app/api/v1/openapi.json/route");

const ORIGIN = "http://127.0.0.1";

function request(method: string, path: string, token: string | null, body?: unknown): NextRequest {
  return new NextRequest(`${ORIGIN}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

const job = (name: string, expression = "*/5 * * * *") => ({ name, kind: "http", config: { url: "https://example.com/hook" }, trigger: { type: "cron", expression, timezone: "UTC" } });

describe.each(providers)("backup, audit and OpenAPI routes on %s", (provider) => {
  let t: TestDatabase;
  const tokens = {} as Record<Role, string>;
  beforeAll(async () => {
    t = await freshDatabase(provider);
    (globalThis as { __sundialDb?: unknown }).__sundialDb = t.db;
    const admin = await t.db.user.create({ data: { id: "admin-1", name: "Ada", email: "ada@example.com", emailVerified: true, role: "admin" } });
    for (const role of ["viewer", "operator", "admin"] as const) {
      tokens[role] = (await createApiToken(t.db, { name: `${role}-token`, role }, { actor: { type: "user", id: admin.id, label: admin.email }, role: "admin" })).secret;
    }
    for (const name of ["alpha", "beta"]) expect((await jobsRoute.POST(request("POST", "/api/v1/jobs", tokens.operator, job(name)))).status).toBe(201);
  });
  afterAll(async () => {
    delete (globalThis as { __sundialDb?: unknown }).__sundialDb;
    await t?.drop();
  });

  it("exports as an attachment to any reader, and imports only for writers", async () => {
    const exported = await exportRoute.GET(request("GET", "/api/v1/jobs/export", tokens.viewer));
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toMatch(/^attachment; filename="sundial-jobs-\d{4}-\d{2}-\d{2}\.json"$/);
    const text = await exported.text();
    expect(text.endsWith("}\n")).toBe(true);
    const file = JSON.parse(text) as { sundial: number; jobs: { name: string; description: string }[] };
    expect(file.jobs.map((entry) => entry.name)).toEqual(["alpha", "beta"]);

    const refused = await importRoute.POST(request("POST", "/api/v1/jobs/import?dryRun=true", tokens.viewer, file));
    expect(refused.status).toBe(403);

    file.jobs[0]!.description = "changed";
    const dry = await importRoute.POST(request("POST", "/api/v1/jobs/import?dryRun=true&mode=replace", tokens.operator, { ...file, jobs: [file.jobs[0]] }));
    expect(dry.status).toBe(200);
    expect((await dry.json()).data).toMatchObject({
      dryRun: true,
      applied: false,
      mode: "replace",
      plan: [
        { name: "alpha", action: "update", changes: ["description"] },
        { name: "beta", action: "delete", changes: [] },
      ],
    });
    const applied = await importRoute.POST(request("POST", "/api/v1/jobs/import", tokens.operator, file));
    expect((await applied.json()).data).toMatchObject({ applied: true, mode: "merge", counts: { update: 1, unchanged: 1, delete: 0 } });
  });

  it("answers a bad file with 422, every problem by job and field; bad options and bodies too", async () => {
    const bad = { sundial: 1, jobs: [job("gamma", "61 * * * *"), job("gamma")] };
    const response = await importRoute.POST(request("POST", "/api/v1/jobs/import?dryRun=true", tokens.operator, bad));
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe("validation");
    expect(body.error.details.problems).toEqual([
      { index: 0, name: "gamma", field: "trigger.expression", messages: [expect.stringMatching(/61/)] },
      { index: 1, name: "gamma", field: "name", messages: ['"gamma" is already job 1 in the file: names must be unique'] },
    ]);
    expect(Object.keys(body.error.details.fieldErrors)).toEqual(["jobs.0.trigger.expression", "jobs.1.name"]);
    // Tried: an unknown mode, dryRun=yes, a body that is not JSON, a JSON array.
    expect((await importRoute.POST(request("POST", "/api/v1/jobs/import?mode=overwrite", tokens.operator, bad))).status).toBe(422);
    expect((await importRoute.POST(request("POST", "/api/v1/jobs/import?dryRun=yes", tokens.operator, bad))).status).toBe(422);
    expect((await importRoute.POST(request("POST", "/api/v1/jobs/import", tokens.operator, "{not json"))).status).toBe(400);
    expect((await importRoute.POST(request("POST", "/api/v1/jobs/import", tokens.operator, [1]))).status).toBe(422);
    expect(await t.db.job.count({ where: { name: "gamma" } })).toBe(0);
  });

  it("lists audit events by filter and cursor, for admins only", async () => {
    expect((await auditRoute.GET(request("GET", "/api/v1/audit-events", tokens.operator))).status).toBe(403);
    const first = await (await auditRoute.GET(request("GET", "/api/v1/audit-events?action=job.create&limit=1", tokens.admin))).json();
    expect(first.items.map((event: { action: string }) => event.action)).toEqual(["job.create"]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await (await auditRoute.GET(request("GET", `/api/v1/audit-events?action=job.create&limit=1&cursor=${first.nextCursor}`, tokens.admin))).json();
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(second.nextCursor).toBeNull();
    const imports = await (await auditRoute.GET(request("GET", "/api/v1/audit-events?action=job.import&actor=operator-token", tokens.admin))).json();
    expect(imports.items).toHaveLength(1);
    const future = await (await auditRoute.GET(request("GET", "/api/v1/audit-events?from=2999-01-01T00:00:00Z", tokens.admin))).json();
    expect(future).toEqual({ items: [], nextCursor: null });
    // Tried: to before from, a date without a zone, a forged cursor.
    for (const query of ["from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "from=2026-12-01", "cursor=forged"]) {
      const response = await auditRoute.GET(request("GET", `/api/v1/audit-events?${query}`, tokens.admin));
      expect(response.status, query).toBe(422);
    }
  });

  it("serves the OpenAPI document to any signed-in caller, not to anonymous ones", async () => {
    expect((await openApiRoute.GET(request("GET", "/api/v1/openapi.json", null))).status).toBe(401);
    const response = await openApiRoute.GET(request("GET", "/api/v1/openapi.json", tokens.viewer));
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/api/v1/jobs/export", "/api/v1/jobs/import", "/api/v1/audit-events"]));
  });
});
