import { expect, test } from "@playwright/test";
import { createDb } from "@/lib/db";
import { E2E_DATABASE_URL } from "../../playwright.config";

/** README screenshots are refreshed with `npm run screenshots`; ordinary runs keep theirs in test-results. */
function screenshotPath(name: string): string {
  const dir = process.env.SCREENSHOTS_DIR;
  return dir ? `${dir}/${name}` : test.info().outputPath(name);
}

test("the overview shows the online worker and an empty job list", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("workers-online")).toHaveText("1 worker online");
  const workers = page.getByRole("table", { name: "Workers" });
  await expect(workers.getByRole("row")).toHaveCount(2);
  await expect(workers.getByText("online", { exact: true })).toBeVisible();
  await expect(page.getByText("No jobs yet")).toBeVisible();
  await page.screenshot({ path: screenshotPath("overview-empty.png"), fullPage: true });
});

test("a job written to the database appears without a reload", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText("No jobs yet")).toBeVisible();

  const db = createDb(E2E_DATABASE_URL);
  try {
    await db.job.create({
      data: {
        name: "nightly-backup",
        description: "Dump the orders database",
        kind: "http",
        config: { method: "POST", url: "https://backup.internal/run" },
        triggerType: "cron",
        trigger: { expression: "30 2 * * *" },
        timezone: "Europe/Berlin",
        nextRunAt: new Date(Date.now() + 3_600_000),
        tags: { create: [{ tag: "ops" }] },
      },
    });
  } finally {
    await db.$disconnect();
  }

  const jobs = page.getByRole("table", { name: "Jobs" });
  const row = jobs.getByRole("row", { name: /nightly-backup/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText("30 2 * * *");
  await expect(row).toContainText("POST https://backup.internal/run");
  await expect(row).toContainText("ops");
  await expect(row).toContainText("never");
  await expect(row.locator("time")).toHaveText(/^in (59|60) min\.$/);
  await page.screenshot({ path: screenshotPath("overview.png"), fullPage: true });
});

test("/api/health reports the database and the worker heartbeat", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe("ok");
  expect(body.database).toMatchObject({ ok: true, provider: "sqlite" });
  expect(body.worker.online).toBe(true);
  expect(body.worker.heartbeatAgeSeconds).toBeLessThan(5);
});

test("bad API input gets the JSON error shape (tried: page=0, pageSize=abc)", async ({ request }) => {
  const response = await request.get("/api/v1/jobs?page=0&pageSize=abc");
  expect(response.status()).toBe(422);
  const body = await response.json();
  expect(body.error.code).toBe("validation");
  expect(Object.keys(body.error.details.fieldErrors).sort()).toEqual(["page", "pageSize"]);
});
