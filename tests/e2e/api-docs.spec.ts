// The API reference in the dashboard: every operation of the OpenAPI document, grouped by tag,
// unfolding to its permission, body, responses and a curl command.
import { expect } from "@playwright/test";
import { test } from "./hydrated";

test("the API page lists the operations and one unfolds to its details", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API", exact: true }).click();
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();

  const document = await (await page.request.get("/api/v1/openapi.json")).json();
  const operationCount = Object.values(document.paths as Record<string, object>).reduce((count, methods) => count + Object.keys(methods).length, 0);
  const operations = page.getByTestId("api-operation");
  await expect(operations).toHaveCount(operationCount);
  for (const tag of ["Jobs", "Runs", "Workers", "Schedules", "Audit", "System"]) await expect(page.getByRole("heading", { name: tag, exact: true })).toBeVisible();

  const createJob = page.locator("details#createJob");
  await expect(createJob.getByText("Request body")).toBeHidden();
  await createJob.locator("summary").click();
  await expect(createJob).toHaveAttribute("open", "");
  await expect(createJob.getByText("jobs:write", { exact: true })).toBeVisible();
  await expect(createJob.getByText("Request body · application/json")).toBeVisible();
  await expect(createJob.getByRole("cell", { name: "Idempotency-Key" })).toBeVisible();
  await expect(createJob.getByText("409", { exact: true })).toBeVisible();
  await expect(createJob.locator("pre")).toContainText("-X POST");
  await expect(createJob.locator("pre")).toContainText("/api/v1/jobs");
  await page.screenshot({ path: test.info().outputPath("api-docs.png"), fullPage: false });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath("api-docs-mobile.png"), fullPage: false });
});

test("the OpenAPI document is for signed-in callers only", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    expect((await anonymous.get("/api/v1/openapi.json")).status()).toBe(401);
  } finally {
    await anonymous.dispose();
  }
});
