// Job definitions out and back in through the Backup page: download the export, upload a changed
// file, read the plan, confirm; a file with problems shows each one and imports nothing.
import { readFileSync, writeFileSync } from "node:fs";
import { expect } from "@playwright/test";
import { test } from "./hydrated";
import { createDb } from "@/lib/db";
import { E2E_DATABASE_URL } from "../../playwright.config";

const importedJob = {
  name: "e2e-imported",
  description: "Added through the Backup page",
  tags: ["e2e"],
  kind: "http",
  config: { url: "https://example.com/never" },
  // Far in the future: the job never runs while the suite does.
  trigger: { type: "date", runAt: "2099-01-01T00:00:00Z", timezone: "UTC" },
};

test("download the export, import a changed file after reading its plan", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Settings" }).click();
  await page.getByRole("menuitem", { name: "Backup" }).click();
  await expect(page.getByRole("heading", { name: "Backup" })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download export" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^sundial-jobs-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(readFileSync(await download.path(), "utf8")) as { sundial: number; jobs: { name: string }[] };
  expect(file.sundial).toBe(1);
  expect(file.jobs.map((job) => job.name)).toContain("sundial.prune-runs");

  const changed = test.info().outputPath("changed.json");
  writeFileSync(changed, JSON.stringify({ ...file, jobs: [...file.jobs, importedJob] }, null, 2));
  await page.getByLabel("Export file").setInputFiles(changed);
  const plan = page.getByRole("table", { name: "Import plan" });
  await expect(plan.getByRole("row", { name: /e2e-imported/ })).toContainText("create");
  await expect(plan.getByRole("row", { name: /sundial\.prune-runs/ })).toContainText("unchanged");
  await page.screenshot({ path: test.info().outputPath("backup-plan.png"), fullPage: true });

  const db = createDb(E2E_DATABASE_URL);
  try {
    // The plan is a dry run: nothing written yet.
    expect(await db.job.count({ where: { name: "e2e-imported" } })).toBe(0);
    await page.getByRole("button", { name: "Import 1 change" }).click();
    await expect(page.getByText("Imported: 1 created, 0 updated, 0 deleted")).toBeVisible();
    await expect(page.getByTestId("import-plan")).toContainText("Imported:");
    expect(await db.job.findUniqueOrThrow({ where: { name: "e2e-imported" } })).toMatchObject({ description: "Added through the Backup page" });
  } finally {
    await db.$disconnect();
  }
});

test("a file with problems shows each by job and field, and imports nothing", async ({ page }) => {
  await page.goto("/settings/backup");
  const bad = test.info().outputPath("bad.json");
  writeFileSync(
    bad,
    JSON.stringify({
      sundial: 1,
      jobs: [
        { ...importedJob, name: "bad-cron", trigger: { type: "cron", expression: "75 * * * *", timezone: "UTC" } },
        { ...importedJob, name: "bad-kind", kind: "ftp" },
      ],
    }),
  );
  await page.getByLabel("Export file").setInputFiles(bad);
  const problems = page.getByRole("list", { name: "Problems" });
  await expect(problems.getByRole("listitem").filter({ hasText: "bad-cron" })).toContainText("trigger.expression");
  await expect(problems.getByRole("listitem").filter({ hasText: "bad-kind" })).toContainText("kind must be one of http, shell, task");
  await expect(page.getByRole("table", { name: "Import plan" })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("backup-problems.png"), fullPage: true });
});
