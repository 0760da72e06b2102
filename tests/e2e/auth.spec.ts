import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, type APIRequestContext } from "@playwright/test";
import { test } from "./hydrated";
import { signedInAs } from "./accounts";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createDb } from "@/lib/db";
import type { Actor } from "@/lib/jobs/actor";
import { E2E_ADMIN, E2E_DATABASE_URL } from "../../playwright.config";

const ANONYMOUS = { cookies: [], origins: [] };
const VIEWER = { email: "viola.viewer@sundial.test", password: "viewer password 1" };
const ADMIN_ACTOR: Actor = { type: "user", id: null, label: E2E_ADMIN.email };

/** Every route handler under app/api/v1 and the methods it exports, read from the sources: a new route is covered without editing this list. */
function apiRoutes(): { path: string; methods: string[] }[] {
  const routes: { path: string; methods: string[] }[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) visit(full);
      else if (entry === "route.ts") {
        const methods = [...readFileSync(full, "utf8").matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
        routes.push({ path: `/${dir.replace(/^app\//, "")}`, methods });
      }
    }
  };
  visit("app/api/v1");
  return routes;
}

/** Every dashboard page, read from app/(dashboard): a dynamic segment ([id]) becomes a made-up id. */
function dashboardPages(): string[] {
  const pages: string[] = [];
  const visit = (dir: string, path: string) => {
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) visit(full, `${path}/${/^\[.+\]$/.test(entry) ? "made-up-id" : entry}`);
      else if (entry === "page.tsx") pages.push(path || "/");
    }
  };
  visit("app/(dashboard)", "");
  return pages.sort();
}

async function send(request: APIRequestContext, method: string, path: string, headers: Record<string, string> = {}) {
  return request.fetch(path, { method, headers: { "content-type": "application/json", ...headers }, data: method === "GET" ? undefined : { trigger: { type: "cron", expression: "* * * * *" } } });
}

async function tokenFor(role: "viewer" | "operator" | "admin", name: string): Promise<string> {
  const db = createDb(E2E_DATABASE_URL);
  try {
    return (await createApiToken(db, { name, role }, { actor: ADMIN_ACTOR, role: "admin" })).secret;
  } finally {
    await db.$disconnect();
  }
}

test.describe("signed out", () => {
  test.use({ storageState: ANONYMOUS });

  test("every dashboard page sends an anonymous visitor to the sign-in page", async ({ page }) => {
    const pages = dashboardPages();
    expect(pages).toEqual(expect.arrayContaining(["/", "/jobs", "/jobs/made-up-id", "/jobs/made-up-id/edit", "/jobs/new", "/runs/made-up-id", "/settings/users"]));
    for (const path of [...pages, "/?range=7d"]) {
      await page.goto(path);
      await expect(page, path).toHaveURL(/\/login$/);
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    }
  });

  test("the setup page is closed once an account exists", async ({ page }) => {
    await page.goto("/setup");
    await expect(page).toHaveURL(/\/login$/);
  });

  test("every /api/v1 route answers an anonymous caller 401, with or without x-middleware-subrequest", async ({ request }) => {
    const routes = apiRoutes();
    expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(["/api/v1/jobs", "/api/v1/workers", "/api/v1/schedules/preview", "/api/v1/audit-events"]));
    const bypass = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };
    const attempts: Record<string, string>[] = [{}, bypass, { authorization: "Bearer sdl_made-up" }, { authorization: "Basic YWRtaW46YWRtaW4=" }];
    for (const { path, methods } of routes) {
      for (const method of methods) {
        for (const headers of attempts) {
          const response = await send(request, method, path, headers);
          expect(response.status(), `${method} ${path} ${JSON.stringify(headers)}`).toBe(401);
          expect((await response.json()).error.code).toBe("unauthorized");
        }
      }
    }
  });

  test("x-middleware-subrequest opens no page either", async ({ page }) => {
    await page.setExtraHTTPHeaders({ "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" });
    await page.goto("/settings/users");
    await expect(page).toHaveURL(/\/login$/);
  });

  test("tokens: a viewer reads but can't reach admin routes; revoked and expired tokens are refused", async ({ request }) => {
    const viewer = await tokenFor("viewer", "e2e-viewer");
    const admin = await tokenFor("admin", "e2e-admin");
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

    expect((await send(request, "GET", "/api/v1/jobs", bearer(viewer))).status()).toBe(200);
    expect((await send(request, "POST", "/api/v1/schedules/preview", bearer(viewer))).status()).toBe(200);
    const refused = await send(request, "GET", "/api/v1/audit-events", bearer(viewer));
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.code).toBe("forbidden");

    const audit = await send(request, "GET", "/api/v1/audit-events", bearer(admin));
    expect(audit.status()).toBe(200);
    expect((await audit.json()).items.map((e: { action: string }) => e.action)).toContain("token.create");

    const db = createDb(E2E_DATABASE_URL);
    try {
      const row = await db.apiToken.findFirstOrThrow({ where: { name: "e2e-viewer" } });
      expect(row.lastUsedAt).not.toBeNull();
      expect(row.tokenHash).not.toContain(viewer.slice(4));
      await db.apiToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
      await db.apiToken.updateMany({ where: { name: "e2e-admin" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    } finally {
      await db.$disconnect();
    }
    expect((await send(request, "GET", "/api/v1/jobs", bearer(viewer))).status()).toBe(401);
    expect((await send(request, "GET", "/api/v1/jobs", bearer(admin))).status()).toBe(401);
  });

  test("the 6th wrong password for an address within a minute gets 429", async ({ request }) => {
    const attempt = (password: string) => request.post("/api/auth/sign-in/email", { data: { email: "nobody.guessing@sundial.test", password } });
    for (let i = 1; i <= 5; i += 1) expect((await attempt(`wrong password ${i}`)).status(), `attempt ${i}`).toBe(401);
    const sixth = await attempt("wrong password 6");
    expect(sixth.status()).toBe(429);
    expect((await sixth.json()).message).toMatch(/Too many failed sign-ins/);
  });
});

test.describe.serial("roles in the dashboard", () => {
  test("an admin adds a viewer, who sees no admin page and whose posted actions change nothing", async ({ page, browser }) => {
    await page.goto("/settings/users");
    const form = page.getByRole("form", { name: "Add a user" });
    await form.getByLabel("Name").fill("Viola");
    await form.getByLabel("Email").fill(VIEWER.email);
    await form.getByLabel("Password").fill("short");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(form.getByText("the password must be at least 12 characters long")).toBeVisible();

    await form.getByLabel("Password").fill(VIEWER.password);
    // The request the form sends is what a viewer will replay below.
    const [createRequest] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined),
      form.getByRole("button", { name: "Add user" }).click(),
    ]);
    await expect(page.getByText(`Added ${VIEWER.email}.`)).toBeVisible();
    await expect(page.getByRole("table", { name: "Users" }).getByRole("row", { name: new RegExp(VIEWER.email) })).toContainText("active");

    const { context, page: viewerPage } = await signedInAs(browser, VIEWER);
    try {
      await expect(viewerPage.getByTestId("signed-in-as")).toHaveText(`${VIEWER.email} · viewer`);
      await expect(viewerPage.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["Overview", "Jobs", "Runs", "Workers", "API"]);
      // A viewer has no settings page to go to.
      await expect(viewerPage.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Settings" })).toHaveCount(0);
      // Not-found, not a hint that the page exists (the status is 200: the layout has begun streaming).
      for (const [path, heading] of [["/settings/users", "Users"], ["/settings/tokens", "API tokens"]] as const) {
        await viewerPage.goto(path);
        await expect(viewerPage.getByText("This page could not be found."), path).toBeVisible();
        await expect(viewerPage.getByRole("heading", { name: heading })).toHaveCount(0);
      }
      // Posting the admin's create-user action with the viewer's cookie: refused, nothing created.
      const body = (createRequest.postData() ?? "").replaceAll(VIEWER.email, "mallory@sundial.test");
      for (const replay of [context.request, (await browser.newContext({ storageState: ANONYMOUS })).request]) {
        const response = await replay.post(createRequest.url(), {
          headers: { "next-action": createRequest.headers()["next-action"]!, "content-type": createRequest.headers()["content-type"]!, origin: new URL(createRequest.url()).origin },
          data: body,
        });
        expect(await response.text()).toMatch(/"code":"(forbidden|unauthorized)"/);
      }
      const db = createDb(E2E_DATABASE_URL);
      try {
        expect(await db.user.count({ where: { email: "mallory@sundial.test" } })).toBe(0);
      } finally {
        await db.$disconnect();
      }
    } finally {
      await context.close();
    }
  });

  test("the last admin can't be demoted", async ({ page }) => {
    await page.goto("/settings/users");
    const row = page.getByRole("table", { name: "Users" }).getByRole("row", { name: new RegExp(E2E_ADMIN.email) });
    await row.getByLabel(`Role of ${E2E_ADMIN.email}`).selectOption("viewer");
    await row.getByRole("button", { name: "Save" }).click();
    await expect(row.getByRole("alert")).toHaveText("Sundial needs at least one enabled admin: make another user admin first");
  });

  test("an admin creates a token, sees it once, and it works until revoked", async ({ page, request }) => {
    await page.goto("/settings/tokens");
    const form = page.getByRole("form", { name: "Create a token" });
    await form.getByLabel("Name").fill("ci-reader");
    await form.getByLabel("Expires after (days)").fill("30");
    await form.getByRole("button", { name: "Create token" }).click();
    const secret = await page.getByLabel("New token").inputValue();
    expect(secret).toMatch(/^sdl_[A-Za-z0-9_-]{43}$/);
    const headers = { authorization: `Bearer ${secret}` };
    expect((await request.get("/api/v1/workers", { headers })).status()).toBe(200);
    // This request also carries the admin's session cookie: a token is judged alone, never with it.
    expect((await request.get("/api/v1/audit-events", { headers })).status()).toBe(403);

    await page.reload();
    await expect(page.getByLabel("New token")).toHaveCount(0);
    const row = page.getByRole("table", { name: "API tokens" }).getByRole("row", { name: /ci-reader/ });
    await expect(row).toContainText(secret.slice(0, 12));
    await row.getByRole("button", { name: "Revoke ci-reader" }).click();
    await expect(row).toContainText("revoked");
    expect((await request.get("/api/v1/workers", { headers })).status()).toBe(401);
  });

  test("signing out ends the session, not only the cookie", async ({ browser }) => {
    const { context, page } = await signedInAs(browser, VIEWER);
    try {
      const cookies = await context.cookies();
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/login$/);
      const stale = await browser.newContext({ storageState: { cookies, origins: [] } });
      expect((await stale.request.get("/api/v1/jobs")).status()).toBe(401);
      await stale.close();
    } finally {
      await context.close();
    }
  });
});
