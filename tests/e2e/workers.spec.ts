import { expect } from "@playwright/test";
import { test } from "./hydrated";

test("the workers page shows the e2e worker online with the tasks it offers", async ({ page }) => {
  await page.goto("/workers");
  await expect(page.getByRole("heading", { name: "Workers", level: 1 })).toBeVisible();
  await expect(page.getByTestId("workers-summary")).toHaveText(/^1 worker online/);
  const rows = page.getByRole("table", { name: "Workers" }).locator("tbody tr");
  const worker = rows.filter({ hasText: "online" });
  await expect(worker).toHaveCount(1);
  for (const task of ["sundial.prune-runs", "sundial.daily-report", "example.cancel-unpaid-order"]) {
    await expect(worker.getByText(task, { exact: true })).toBeVisible();
  }
  // The only worker sweeps alerts, so it is the one that evaluates them.
  await expect(worker.getByTestId("worker-alerts")).toHaveText("evaluates alerts");
  await expect(worker).toContainText(/pid \d+/);
  await expect(worker).toContainText(/ \/ \d+/);
  await expect(worker.locator("time").first()).toHaveText(/(now|sec\. ago)$/);
  await page.screenshot({ path: test.info().outputPath("workers.png"), fullPage: true });
});
