import { expect } from "@playwright/test";
import { test } from "./hydrated";

test("/api/ready answers anyone 200 with each check passed while the worker runs", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  // The server is up once /api/health answers; its worker may still be registering.
  await expect.poll(async () => (await anonymous.get("/api/ready")).status()).toBe(200);
  const response = await anonymous.get("/api/ready");
  expect(response.headers()["cache-control"]).toBe("no-store");
  const report = await response.json();
  expect(report.ready).toBe(true);
  expect(report.checks.database).toMatchObject({ ok: true, provider: "sqlite" });
  expect(report.checks.migrations).toMatchObject({ ok: true, pending: [], failed: [] });
  expect(report.checks.worker.ok).toBe(true);
  expect(report.checks.worker.online).toBeGreaterThanOrEqual(1);
  await anonymous.dispose();
});

test("/api/metrics: Prometheus text for a signed-in user, 401 for anyone else", async ({ request, playwright, baseURL }) => {
  const response = await request.get("/api/metrics");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/plain; version=0.0.4; charset=utf-8");
  const text = await response.text();
  expect(text).toContain("# TYPE sundial_runs gauge");
  expect(text).toMatch(/^sundial_workers_online [1-9]\d*$/m);
  expect(text).toMatch(/^sundial_run_lateness_recent_seconds\{le="\+Inf"\} \d+$/m);

  // Tried: no credentials at all, and a token that was never issued.
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  for (const headers of [{}, { authorization: "Bearer sdl_never-issued-token" }] as Record<string, string>[]) {
    const refused = await anonymous.get("/api/metrics", { headers });
    expect(refused.status(), JSON.stringify(headers)).toBe(401);
    expect((await refused.json()).error.code).toBe("unauthorized");
  }
  await anonymous.dispose();
});
