// The OpenAPI document: valid OpenAPI 3.1 (checked with @seriousme/openapi-schema-validator, which
// ships the official 3.1 schemas, so it works offline), every $ref resolves, and it lists every
// route under app/api with the access its route checks. A route added without an entry in
// lib/web/openapi/operations.ts fails here; docs/api.md says how to add one.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it, vi } from "vitest";
import { checkJobInput } from "@/lib/jobs/check-job-input";

vi.mock("server-only", () => ({}));
const { openApiDocument } = await import("@/lib/web/openapi/document");
const { OPERATIONS } = await import("@/lib/web/openapi/operations");

const API_DIR = join(process.cwd(), "app", "api");
/** Routes that are not Sundial's API: better-auth's own sign-in endpoints, used by the dashboard's forms. */
const NOT_DOCUMENTED = new Set(["/api/auth/{all}"]);

type RouteFile = { path: string; file: string; methods: string[]; source: string };

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** app/api/v1/jobs/[id]/route.ts → /api/v1/jobs/{id}, with the HTTP methods the module exports. */
function routes(): RouteFile[] {
  return routeFiles(API_DIR).map((file) => {
    const segments = relative(API_DIR, file).split(sep).slice(0, -1);
    const path = `/api/${segments.map((segment) => segment.replace(/^\[(?:\.\.\.)?([^\]]+)\]$/, "{$1}")).join("/")}`.replace(/\/$/, "");
    const source = readFileSync(file, "utf8");
    const methods = [...source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((match) => match[1]!.toLowerCase());
    return { path, file, methods, source };
  });
}

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => (key === "$ref" && typeof inner === "string" ? [inner] : refsIn(inner)));
}

function resolvePointer(document: unknown, ref: string): unknown {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), document);
}

describe("the OpenAPI document", () => {
  const document = openApiDocument();

  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("has every $ref pointing at something in the document", () => {
    const dangling = [...new Set(refsIn(document))].filter((ref) => !ref.startsWith("#/") || resolvePointer(document, ref) === undefined);
    expect(dangling).toEqual([]);
  });

  it("lists every route under app/api, and no route that doesn't exist", () => {
    const served = routes().flatMap((route) => route.methods.map((method) => `${method.toUpperCase()} ${route.path}`)).filter((key) => !NOT_DOCUMENTED.has(key.split(" ")[1]!));
    const documented = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    expect(served.length).toBeGreaterThan(15);
    expect(served.filter((key) => !documented.includes(key)), "routes missing from lib/web/openapi/operations.ts").toEqual([]);
    expect(documented.filter((key) => !served.includes(key)), "operations with no route").toEqual([]);
  });

  it("gives each operation the access its route checks", () => {
    const mismatches: string[] = [];
    for (const route of routes()) {
      for (const method of route.methods) {
        const declared = new RegExp(`export const ${method.toUpperCase()} = defineRoute\\(\\s*\\{\\s*permission:\\s*"([^"]+)"`).exec(route.source)?.[1];
        const operation = OPERATIONS.find((candidate) => candidate.path === route.path && candidate.method === method);
        // Routes that pick a guard at request time (/api/metrics) export a plain function and say so in their entry.
        if (!operation || declared === undefined) continue;
        if (operation.access !== declared) mismatches.push(`${method.toUpperCase()} ${route.path}: route checks ${declared}, document says ${operation.access}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(OPERATIONS.find((operation) => operation.path === "/api/metrics")?.access).toBe("metrics");
  });

  it("shows the shared schemas: query parameters, the job body, headers, and the one error shape", () => {
    const listRuns = document.paths["/api/v1/runs"]!.get as { parameters: { name: string; in: string }[] };
    expect(listRuns.parameters.map((parameter) => parameter.name)).toEqual(["status", "jobId", "source", "from", "to", "limit", "cursor"]);
    const createJob = document.paths["/api/v1/jobs"]!.post as Record<string, unknown>;
    expect(JSON.stringify(createJob.requestBody)).toContain("#/components/schemas/Trigger");
    expect(createJob.parameters).toEqual([{ $ref: "#/components/parameters/IdempotencyKey" }]);
    expect(Object.keys(createJob.responses as object).sort()).toEqual(["201", "400", "401", "403", "409", "413", "422"]);
    const updateJob = document.paths["/api/v1/jobs/{id}"]!.put as Record<string, unknown>;
    expect(updateJob.parameters).toContainEqual({ $ref: "#/components/parameters/IfMatch" });
    expect(Object.keys(updateJob.responses as object)).toContain("404");
    const health = document.paths["/api/health"]!.get as Record<string, unknown>;
    expect(health.security).toEqual([]);
    expect(document.components.schemas!.Error).toMatchObject({ properties: { error: { required: ["code", "message", "details"] } } });
  });

  it("has examples its routes accept", () => {
    for (const operation of OPERATIONS) {
      if (operation.example?.body !== undefined) {
        expect(operation.body?.safeParse(operation.example.body).success, operation.operationId).toBe(true);
      }
      if (operation.example?.query && operation.query) {
        expect(operation.query.safeParse(operation.example.query).success, operation.operationId).toBe(true);
      }
    }
    const createJob = OPERATIONS.find((operation) => operation.operationId === "createJob")!;
    expect(() => checkJobInput(createJob.example!.body, { now: new Date("2026-12-01T00:00:00Z"), defaultTimezone: "UTC" })).not.toThrow();
  });
});
