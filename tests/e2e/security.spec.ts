// What a browser is sent and what it does with hostile text: the security headers on every response,
// the dashboard still working under its Content-Security-Policy, markup in a job's name and
// description shown as text, and an oversized API body refused.
import { expect, type Page } from "@playwright/test";
import { test } from "./hydrated";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createDb } from "@/lib/db";
import type { Actor } from "@/lib/jobs/actor";
import { E2E_ADMIN, E2E_DATABASE_URL } from "../../playwright.config";

const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = "<script>alert(2)</script>";
const ADMIN_ACTOR: Actor = { type: "user", id: null, label: E2E_ADMIN.email };
const JOB_URL = "https://hooks.example.com/probe";

async function operatorToken(name: string): Promise<string> {
  const db = createDb(E2E_DATABASE_URL);
  try {
    return (await createApiToken(db, { name, role: "operator" }, { actor: ADMIN_ACTOR, role: "admin" })).secret;
  } finally {
    await db.$disconnect();
  }
}

/** Dialogs (an injected alert that ran) and CSP violation reports (a script the policy blocked) of a page. */
async function watch(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  // Init scripts are injected by the browser itself, outside the page's policy.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return {
    dialogs,
    errors,
    violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  };
}

/** No element the payloads would have made, had they been parsed as HTML. */
async function expectNoInjectedElements(page: Page) {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  // (The payloads do appear inside Next's inline data scripts, as the JSON strings they are.)
  expect(await page.locator("script").evaluateAll((scripts) => scripts.filter((s) => s.textContent === "alert(2)").length)).toBe(0);
}

test("every page and API response carries the security headers, with a fresh script nonce each time", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ["/", "/settings/audit", "/login", "/api/health", "/api/v1/jobs"]) {
    const response = await request.get(path);
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'(;|$)/);
    // npm start serves a production build: no eval, no inline script without the nonce.
    expect(csp, path).not.toContain("unsafe-eval");
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    nonces.add(/'nonce-([^']+)'/.exec(csp)![1]!);
    expect(headers, path).toMatchObject({
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "same-origin",
    });
    expect(headers["permissions-policy"], path).toContain("camera=()");
    // Served over plain http (no https SUNDIAL_PUBLIC_URL): HSTS would lock users out of it.
    expect(headers, path).not.toHaveProperty("strict-transport-security");
  }
  expect(nonces.size).toBe(5);
});

test("the dashboard works under the policy: hydration, live data, Radix tooltips, server actions", async ({ page }) => {
  const watched = await watch(page);
  await page.goto("/");
  // Client components rendered and refreshing through React Query (hydrated from the server's prefetch).
  await expect(page.getByTestId("workers-online")).toHaveText("1 worker online");
  await page.goto("/workers");
  const heartbeat = page.getByRole("table", { name: "Workers" }).locator("time").first();
  await heartbeat.hover();
  await expect(page.getByRole("tooltip")).toContainText("(your time)");

  // A server action: creating an API token through the settings form.
  await page.goto("/settings/tokens");
  await page.getByLabel("Name", { exact: true }).fill("csp-probe-token");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByLabel("New token")).toHaveValue(/^sdl_/);

  expect(await watched.violations()).toEqual([]);
  expect(watched.errors).toEqual([]);
  expect(watched.dialogs).toEqual([]);
});

test.describe("markup that users write shows as text", () => {
  test("a job's name and description, in the jobs list, on the job's page and in the audit log", async ({ page, request }) => {
    const token = await operatorToken("xss-probe-operator");
    const auth = { authorization: `Bearer ${token}` };
    const description = `${IMG} ${SCRIPT}`;
    // The API refuses markup in a name outright ...
    const refused = await request.post("/api/v1/jobs", { headers: auth, data: { name: IMG, kind: "http", config: { url: JOB_URL }, trigger: { type: "cron", expression: "0 3 * * *" } } });
    expect(refused.status()).toBe(422);
    expect((await refused.json()).error.details.fieldErrors.name).toBeDefined();
    // ... and takes it in a description, which must then be shown as the text it is.
    const created = await request.post("/api/v1/jobs", {
      headers: auth,
      data: {
        name: "xss-probe",
        description,
        kind: "http",
        config: { method: "POST", url: JOB_URL, headers: [{ name: "Authorization", value: "Bearer e2e-secret-value", secret: true }] },
        trigger: { type: "cron", expression: "0 3 * * *" },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const job = (await created.json()).data;
    expect(job.config.headers).toEqual([{ name: "Authorization", value: null, secret: true, set: true }]);
    expect(JSON.stringify(job)).not.toContain("e2e-secret-value");

    // A name the API would refuse can still be in the database (written by hand, or by an older version).
    const db = createDb(E2E_DATABASE_URL);
    let markupJobId: string;
    try {
      ({ id: markupJobId } = await db.job.create({
        data: { name: `${IMG}${SCRIPT}`, kind: "http", config: { method: "GET", url: JOB_URL, headers: [], acceptedStatuses: [200] }, triggerType: "cron", trigger: { expression: "0 3 * * *" }, timezone: "UTC", nextRunAt: new Date(Date.now() + 86_400_000) },
      }));
    } finally {
      await db.$disconnect();
    }

    const watched = await watch(page);
    await page.goto(`/jobs?q=${encodeURIComponent("<img")}`);
    await expect(page.getByRole("table", { name: "Jobs" }).getByText(`${IMG}${SCRIPT}`, { exact: true })).toBeVisible();
    await expectNoInjectedElements(page);
    await page.goto(`/jobs/${markupJobId}`);
    await expect(page.getByRole("heading", { name: `${IMG}${SCRIPT}` })).toBeVisible();
    await expectNoInjectedElements(page);
    await page.goto(`/jobs/${job.id}`);
    await expect(page.getByText(description, { exact: true })).toBeVisible();
    await expectNoInjectedElements(page);

    await page.goto(`/settings/audit?targetId=${job.id}`);
    const event = page.getByRole("table", { name: "Audit events" }).locator(":scope > tbody > tr").first();
    await event.getByText(/fields$/).click();
    await expect(event.getByText(JSON.stringify(description), { exact: true })).toBeVisible();
    await expect(event).not.toContainText("e2e-secret-value");
    await expectNoInjectedElements(page);
    expect(watched.dialogs).toEqual([]);
    expect(await watched.violations()).toEqual([]);
  });
});

test("an API body over 256 KB is refused with 413 before it is parsed", async ({ request }) => {
  const token = await operatorToken("oversize-probe-operator");
  const response = await request.post("/api/v1/schedules/preview", {
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    data: JSON.stringify({ trigger: { type: "cron", expression: "* * * * *" }, padding: "x".repeat(300 * 1024) }),
  });
  expect(response.status()).toBe(413);
  expect((await response.json()).error.code).toBe("payload_too_large");
  // Just under the cap is parsed (and refused only for what it says).
  const under = await request.post("/api/v1/schedules/preview", {
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    data: JSON.stringify({ trigger: { type: "cron", expression: "* * * * *" }, padding: "x".repeat(200 * 1024) }),
  });
  expect(under.status()).not.toBe(413);
});
