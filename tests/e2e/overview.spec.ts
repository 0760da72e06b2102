import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "@playwright/test";
import { test } from "./hydrated";
import { screenshotPath } from "./screenshots";

// The first test looks at the app as it starts (nothing has failed yet); the second makes a job fail.
test.describe.configure({ mode: "serial" });

test("the overview shows the online worker, the built-in job and an all-clear", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("workers-online")).toHaveText("1 worker online");
  const workers = page.getByRole("list", { name: "Workers" });
  await expect(workers.getByRole("listitem")).toHaveCount(1);
  await expect(workers.getByText("online", { exact: true })).toBeVisible();
  // The worker creates the system's own pruning job on its first start: one active job, none paused.
  await expect(page.getByTestId("stat-active")).toContainText("1");
  await expect(page.getByTestId("stat-paused")).toContainText("0");
  await expect(page.getByTestId("stat-online")).toContainText("1");
  await expect(page.getByTestId("attention-all-clear")).toContainText("All clear");
  await expect(page.getByRole("group", { name: "Runs per hour, last 24 hours" }).getByTestId("runs-chart-bucket")).toHaveCount(24);
  await expect(page.getByRole("link", { name: "All jobs" })).toHaveAttribute("href", "/jobs");
  await page.screenshot({ path: screenshotPath("overview-first-start.png", { readme: true }), fullPage: true });

  await page.getByRole("tab", { name: "7 days" }).click();
  await expect(page.getByRole("group", { name: "Runs per day, last 7 days" }).getByTestId("runs-chart-bucket")).toHaveCount(7);
});

test.describe("a failing job", () => {
  let receiver: Server;
  let receiverUrl: string;
  let hits = 0;
  test.beforeAll(async () => {
    receiver = createServer((request, response) => {
      hits++;
      request.resume();
      response.writeHead(500, { "content-type": "text/plain" }).end("orders database unavailable");
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/sync`;
  });
  test.afterAll(async () => {
    await new Promise((resolve) => receiver.close(resolve));
  });

  test("shows up as a failure on the overview, live, with its error and in its hour's bucket", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("attention-all-clear")).toBeVisible();
    // Buckets by their href (their hour), not by [data-current]: the hour may turn while this runs.
    const totalsOnLoad = new Map(
      await page.getByTestId("runs-chart-bucket").evaluateAll((buckets) => buckets.map((bucket) => [bucket.getAttribute("href")!, Number(bucket.getAttribute("data-total"))] as const)),
    );

    // Created and run now through the API with the page's own session, as another tab would.
    const created = await page.request.post("/api/v1/jobs", {
      data: {
        name: "sync-orders",
        kind: "http",
        config: { method: "POST", url: receiverUrl },
        trigger: { type: "date", runAt: new Date(Date.now() + 60 * 60_000).toISOString() },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const job = (await created.json()).data;
    const triggered = await page.request.post(`/api/v1/jobs/${job.id}/trigger`, { data: {} });
    expect(triggered.status(), await triggered.text()).toBe(201);
    const run = (await triggered.json()).data;

    // No reload: the overview refetches on its own.
    const failing = page.getByTestId("attention-failing");
    const item = failing.getByTestId("attention-item").filter({ hasText: "sync-orders" });
    await expect(item).toBeVisible();
    await expect(item).toContainText("failed");
    await expect(item).toContainText("HTTP 500; accepted: 200, 201, 202, 204");
    await expect(item.getByRole("link", { name: "sync-orders" })).toHaveAttribute("href", `/jobs/${job.id}`);
    await expect(item.getByRole("link", { name: "View run" })).toHaveAttribute("href", `/runs/${run.id}`);
    expect(hits).toBe(1);
    await expect(page.getByTestId("stat-failed")).toContainText("1");
    await expect(page.getByTestId("attention-all-clear")).toHaveCount(0);

    const hourOfRun = new Date(Math.floor(Date.parse(run.scheduledFor) / 3_600_000) * 3_600_000).toISOString();
    const bucket = page.locator(`[data-testid="runs-chart-bucket"][href^="/runs?from=${encodeURIComponent(hourOfRun)}&"]`);
    const before = totalsOnLoad.get((await bucket.getAttribute("href"))!) ?? 0;
    await expect(bucket).toHaveAttribute("data-total", String(before + 1));
    await expect(bucket).toHaveAttribute("aria-label", /1 failed/);
    await bucket.hover();
    await expect(page.getByRole("tooltip")).toContainText("Failed");
    await page.mouse.move(0, 0);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("tooltip")).toHaveCount(0);
    await page.screenshot({ path: screenshotPath("overview.png", { readme: true }), fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: screenshotPath("overview-mobile.png", { readme: true }), fullPage: true });
  });
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

test("bad API input gets the JSON error shape (tried: page=0, pageSize=abc; range=1y)", async ({ request }) => {
  const response = await request.get("/api/v1/jobs?page=0&pageSize=abc");
  expect(response.status()).toBe(422);
  const body = await response.json();
  expect(body.error.code).toBe("validation");
  expect(Object.keys(body.error.details.fieldErrors).sort()).toEqual(["page", "pageSize"]);

  const overview = await request.get("/api/v1/overview?range=1y");
  expect(overview.status()).toBe(422);
  const error = (await overview.json()).error;
  expect(error.details.fieldErrors.range).toEqual(["range must be one of 24h, 7d"]);
});
