// Admins read the audit log in the dashboard: filtered on the server, paged, each event's changes
// shown field by field; nobody else sees the page.
import { expect } from "@playwright/test";
import { hydratingGoto, test } from "./hydrated";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { createDb } from "@/lib/db";
import type { Actor } from "@/lib/jobs/actor";
import { createUser } from "@/lib/users/create-user";
import { E2E_ADMIN, E2E_DATABASE_URL } from "../../playwright.config";

const ADMIN_ACTOR: Actor = { type: "user", id: null, label: E2E_ADMIN.email };
const OPERATOR = { email: "otto.operator@sundial.test", password: "operator password 1" };

test("an admin filters the audit log, pages through it and reads what an event changed", async ({ page }) => {
  const db = createDb(E2E_DATABASE_URL);
  let revokedId: string;
  try {
    // More token creations than one page holds, and one revocation.
    for (let i = 0; i < 51; i += 1) await createApiToken(db, { name: `audit-page-${i}`, role: "viewer" }, { actor: ADMIN_ACTOR, role: "admin" });
    const revoked = await createApiToken(db, { name: "audit-revoked", role: "viewer" }, { actor: ADMIN_ACTOR, role: "admin" });
    revokedId = revoked.token.id;
    await revokeApiToken(db, { tokenId: revokedId }, ADMIN_ACTOR);
  } finally {
    await db.$disconnect();
  }

  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Settings" }).click();
  await page.getByRole("menuitem", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  // The events' own rows, not those of the change tables nested in them.
  const rows = page.getByRole("table", { name: "Audit events" }).locator(":scope > tbody > tr");

  // By action: only revocations, the change read as before → after.
  await page.getByLabel("Action", { exact: true }).selectOption("token.revoke");
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await expect(page).toHaveURL(/action=token\.revoke/);
  for (const row of await rows.all()) await expect(row).toContainText("token.revoke");
  const revocation = rows.filter({ hasText: revokedId });
  const changed = revocation.getByRole("rowheader", { name: "revokedAt" }).locator("xpath=..");
  await expect(changed.locator("del")).toHaveText("null");
  await expect(changed.locator("ins")).toHaveText(/^"\d{4}-\d\d-\d\dT[\d:.]+Z"$/);

  // By target: the token's creation and its revocation, newest first.
  await page.goto(`/settings/audit?targetId=${revokedId}`);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("token.revoke");
  await expect(rows.nth(1)).toContainText("token.create");

  // By actor, and pages that keep the filter.
  await page.goto("/settings/audit");
  await page.getByLabel("Action", { exact: true }).selectOption("token.create");
  await page.getByLabel("Actor", { exact: true }).fill("admin@sundial");
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  const pages = page.getByRole("navigation", { name: "Pages" });
  await expect(pages).toContainText(/Page 1 of 2 · \d+ events/);
  await expect(rows).toHaveCount(50);
  await pages.getByRole("link", { name: "Older" }).click();
  await expect(pages).toContainText("Page 2 of 2");
  const params = new URL(page.url()).searchParams;
  expect([params.get("action"), params.get("actor"), params.get("page")]).toEqual(["token.create", "admin@sundial", "2"]);
  await pages.getByRole("link", { name: "Newer" }).click();
  await expect(pages).toContainText("Page 1 of 2");

  await page.getByLabel("Actor", { exact: true }).fill("nobody-by-this-name");
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await expect(page.getByText("Nothing matches these filters yet.")).toBeVisible();

  // A hand-edited URL with nonsense gets the first, unfiltered page, not an error.
  await page.goto("/settings/audit?page=-3&action=");
  await expect(pages).toContainText(/^Page 1 of \d+/);
});

test("the audit log is for admins only", async ({ browser }) => {
  const db = createDb(E2E_DATABASE_URL);
  try {
    await createUser(db, { name: "Otto", email: OPERATOR.email, password: OPERATOR.password, role: "operator" }, ADMIN_ACTOR);
  } finally {
    await db.$disconnect();
  }
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = hydratingGoto(await context.newPage());
  const anonymous = await page.goto("/settings/audit");
  expect(anonymous?.url()).toMatch(/\/login$/);
  await page.getByLabel("Email").fill(OPERATOR.email);
  await page.getByLabel("Password").fill(OPERATOR.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  // The operator's settings menu offers what an operator may use (the backup), not the audit log.
  await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Settings" }).click();
  await expect(page.getByRole("menuitem", { name: "Backup" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Audit log" })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await page.goto("/settings/audit");
  await expect(page.getByText("This page could not be found.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Audit events" })).toHaveCount(0);
  await context.close();
});
