import { expect, test } from "@playwright/test";
import { createDb } from "@/lib/db";
import { fireTimesOf } from "@/lib/schedule";
import { formatInstant } from "@/lib/schedule/format-instant";
import { E2E_DATABASE_URL } from "../../playwright.config";

/** README screenshots are refreshed with `npm run screenshots`; ordinary runs keep theirs in test-results. */
function screenshotPath(name: string): string {
  const dir = process.env.SCREENSHOTS_DIR;
  return dir ? `${dir}/${name}` : test.info().outputPath(name);
}

test("the overview shows the online worker and the built-in retention job", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("workers-online")).toHaveText("1 worker online");
  const workers = page.getByRole("table", { name: "Workers" });
  await expect(workers.getByRole("row")).toHaveCount(2);
  await expect(workers.getByText("online", { exact: true })).toBeVisible();
  // The worker creates the system's own pruning job on its first start: Sundial is never without it.
  const prune = page.getByRole("table", { name: "Jobs" }).getByRole("row", { name: /sundial\.prune-runs/ });
  await expect(prune).toContainText("At 03:17 (UTC)");
  await expect(prune).toContainText("task sundial.prune-runs");
  await expect(prune).toContainText("system");
  await page.screenshot({ path: screenshotPath("overview-first-start.png"), fullPage: true });
});

test("a job written to the database appears without a reload", async ({ page }) => {
  await page.goto("/");
  const jobs = page.getByRole("table", { name: "Jobs" });
  await expect(jobs.getByRole("row", { name: /sundial\.prune-runs/ })).toBeVisible();
  await expect(jobs.getByRole("row", { name: /nightly-backup/ })).toHaveCount(0);

  const db = createDb(E2E_DATABASE_URL);
  const [nextRunAt] = fireTimesOf({ type: "cron", expression: "30 2 * * *", timezone: "Europe/Berlin" }, new Date(), 1);
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
        nextRunAt: nextRunAt,
        tags: { create: [{ tag: "ops" }] },
      },
    });
  } finally {
    await db.$disconnect();
  }

  const row = jobs.getByRole("row", { name: /nightly-backup/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText("30 2 * * *");
  await expect(row).toContainText("At 02:30 (Europe/Berlin)");
  await expect(row).toContainText("POST https://backup.internal/run");
  await expect(row).toContainText("ops");
  await expect(row).toContainText("never");
  await expect(row.locator("time")).toHaveText(/^in \d+ (hr|min)\.$/);
  await row.locator("time").hover();
  await expect(page.getByRole("tooltip")).toContainText(`${formatInstant(nextRunAt!, "Europe/Berlin")} (Europe/Berlin)`);
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
