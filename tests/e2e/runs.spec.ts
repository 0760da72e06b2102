// The runs pages as an operator uses them: a run's log followed live while it runs and its status
// turning without a reload, hostile response bodies shown as text (issue #8), the runs list's
// filters kept in the URL, and canceling a running run from its page.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { test } from "./hydrated";
import { signedInAs } from "./accounts";
import { screenshotPath } from "./screenshots";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createDb } from "@/lib/db";
import type { Actor } from "@/lib/jobs/actor";
import { createUser } from "@/lib/users/create-user";
import { E2E_ADMIN, E2E_DATABASE_URL } from "../../playwright.config";

test.describe.configure({ mode: "serial" });

const ADMIN_ACTOR: Actor = { type: "user", id: null, label: E2E_ADMIN.email };
const XSS_BODY = `<img src=x onerror="window.__xss=1"> <script>window.__xss=2</script>`;

type Held = { body: string; released: Promise<void>; release: () => void; arrived: Promise<void>; arrive: () => void };

/** A receiver the worker's HTTP jobs call: a held path answers only when the test releases it. */
class Receiver {
  private server = createServer((req, res) => this.handle(req, res));
  private held = new Map<string, Held>();
  private open = new Set<ServerResponse>();

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Requests to `path` wait until release() is called, then get 200 with `body`; `arrived` resolves with the first. */
  hold(path: string, body: string): Pick<Held, "release" | "arrived"> {
    const held = { body } as Held;
    held.released = new Promise<void>((resolve) => (held.release = resolve));
    held.arrived = new Promise<void>((resolve) => (held.arrive = resolve));
    this.held.set(path, held);
    return held;
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    this.open.add(res);
    res.on("close", () => this.open.delete(res));
    const path = new URL(req.url ?? "/", "http://receiver").pathname;
    if (path === "/fail") return void res.writeHead(500, { "content-type": "text/plain" }).end("the receiver is down");
    if (path === "/ok") return void res.writeHead(200, { "content-type": "text/plain" }).end("fine");
    const held = this.held.get(path);
    if (!held) return void res.writeHead(404).end();
    held.arrive();
    void held.released.then(() => {
      if (!res.destroyed) res.writeHead(200, { "content-type": "text/html" }).end(held.body);
    });
  }

  async stop() {
    for (const res of this.open) res.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const receiver = new Receiver();
let receiverUrl: string;
let api: APIRequestContext;

test.beforeAll(async ({ baseURL }) => {
  receiverUrl = await receiver.start();
  const db = createDb(E2E_DATABASE_URL);
  let secret: string;
  try {
    secret = (await createApiToken(db, { name: "runs-spec-operator", role: "operator" }, { actor: ADMIN_ACTOR, role: "admin" })).secret;
  } finally {
    await db.$disconnect();
  }
  api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
});

test.afterAll(async () => {
  await api?.dispose();
  await receiver.stop();
});

/** An HTTP job that only runs when triggered (its one date is a year away), run once now; returns the run's id. */
async function runHttpJobNow(name: string, path: string): Promise<{ jobId: string; runId: string }> {
  const created = await api.post("/api/v1/jobs", {
    data: { name, kind: "http", config: { method: "GET", url: `${receiverUrl}${path}` }, trigger: { type: "date", runAt: new Date(Date.now() + 365 * 86_400_000).toISOString() } },
  });
  expect(created.status(), await created.text()).toBe(201);
  const jobId = (await created.json()).data.id as string;
  const triggered = await api.post(`/api/v1/jobs/${jobId}/trigger`, { data: {} });
  expect(triggered.status(), await triggered.text()).toBe(201);
  return { jobId, runId: (await triggered.json()).data.id as string };
}

async function waitForRunToEnd(runId: string): Promise<string> {
  let status = "";
  await expect
    .poll(async () => {
      status = (await (await api.get(`/api/v1/runs/${runId}`)).json()).data.status;
      return ["queued", "running"].includes(status);
    })
    .toBe(false);
  return status;
}

const statusOf = (page: Page) => page.getByRole("heading", { level: 1 }).getByTestId("run-status");

test("a running run's log follows live and its status turns succeeded without a reload; markup in its output shows as text", async ({ page }) => {
  const response = receiver.hold("/slow", XSS_BODY);
  const { runId } = await runHttpJobNow("runs-live-tail", "/slow");
  await response.arrived;

  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`/runs/${runId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Run of runs-live-tail");
  await expect(statusOf(page)).toHaveAttribute("data-status", "running");
  const log = page.getByRole("log", { name: "Run log" });
  await expect(log).toContainText(`GET ${receiverUrl}/slow`);
  await expect(log).not.toContainText("HTTP 200");
  // A marker that a reload would wipe out.
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

  response.release();
  await expect(log).toContainText(/HTTP 200 in \d+ ms/);
  await expect(statusOf(page)).toHaveAttribute("data-status", "succeeded");
  await expect(log.locator("tr")).toHaveCount(2);
  await expect(log.locator("tr").first().locator("td").first()).toHaveText("1");
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  // The response body, markup and all, is shown as the characters it is.
  await expect(page.getByTestId("run-output")).toHaveText(XSS_BODY);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.locator("script").evaluateAll((scripts) => scripts.filter((s) => s.textContent === "window.__xss=2").length)).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await page.screenshot({ path: screenshotPath("run-detail.png", { readme: true }), fullPage: true });

  // Re-run: a new manual run of the job, opened in place of this one.
  await page.getByRole("button", { name: "Re-run" }).click();
  await expect(page.getByText("Queued a new run of runs-live-tail")).toBeVisible();
  await expect(page).not.toHaveURL(new RegExp(`/runs/${runId}$`));
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  await expect(statusOf(page)).toHaveAttribute("data-status", "succeeded");
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText("manual run");
});

test("the runs list's filters live in the URL and survive a reload", async ({ page }) => {
  const failed = await runHttpJobNow("runs-filter-failing", "/fail");
  const succeeded = await runHttpJobNow("runs-filter-fine", "/ok");
  expect(await waitForRunToEnd(failed.runId)).toBe("failed");
  expect(await waitForRunToEnd(succeeded.runId)).toBe("succeeded");

  await page.goto("/runs");
  const table = page.getByRole("table", { name: "Runs" });
  await expect(table.locator(`tr[data-run-id="${failed.runId}"]`)).toBeVisible();
  await expect(table.locator(`tr[data-run-id="${succeeded.runId}"]`)).toBeVisible();

  const filters = page.getByRole("search", { name: "Filter runs" });
  await filters.getByText("failed", { exact: true }).click();
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]status=failed(&|$)/);

  const expectOnlyFailed = async () => {
    await expect(table.locator(`tr[data-run-id="${failed.runId}"]`)).toBeVisible();
    await expect(table.locator(`tr[data-run-id="${succeeded.runId}"]`)).toHaveCount(0);
    const statuses = await table.getByTestId("run-status").evaluateAll((badges) => badges.map((badge) => badge.getAttribute("data-status")));
    expect(new Set(statuses)).toEqual(new Set(["failed"]));
    await expect(filters.getByRole("checkbox", { name: "failed" })).toBeChecked();
    await expect(filters.getByRole("checkbox", { name: "succeeded" })).not.toBeChecked();
  };
  await expectOnlyFailed();
  await page.reload();
  await expectOnlyFailed();
  await page.screenshot({ path: screenshotPath("runs-failed.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: screenshotPath("runs-mobile.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // The job picker narrows further, by name; an unknown status in a hand-edited URL is ignored.
  await filters.getByLabel("Job").selectOption({ label: "runs-filter-fine" });
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`jobId=${succeeded.jobId}`));
  await expect(page.getByText("No run matches these filters")).toBeVisible();
  await page.screenshot({ path: screenshotPath("runs-empty.png"), fullPage: true });
  await page.goto(`/runs?status=bogus&jobId=${succeeded.jobId}`);
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table.locator(`tr[data-run-id="${succeeded.runId}"]`)).toBeVisible();
});

test("canceling a running run from its page ends it canceled", async ({ page }) => {
  const hung = receiver.hold("/hang", "never sent");
  const { runId } = await runHttpJobNow("runs-cancel-me", "/hang");
  await hung.arrived;

  // The workers page links the run to the worker running it.
  await page.goto("/workers");
  await page.getByRole("table", { name: "Workers" }).getByRole("link", { name: "runs-cancel-me" }).click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));
  await expect(statusOf(page)).toHaveAttribute("data-status", "running");
  await page.getByRole("button", { name: "Cancel run" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("Cancel this run of runs-cancel-me?");
  await dialog.getByRole("button", { name: "Cancel run" }).click();
  await expect(page.getByText("Cancel requested: the worker stops the run")).toBeVisible();
  await expect(statusOf(page)).toHaveAttribute("data-status", "canceled");
  await expect(page.getByTestId("run-reason")).toHaveText("canceled on request while running");
  await expect(page.getByRole("button", { name: "Cancel run" })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText("Cancel requested");
});

test("a failed attempt shows its error, stack, log streams, truncation and the retry that followed", async ({ page }) => {
  const db = createDb(E2E_DATABASE_URL);
  let first: string, retry: string;
  try {
    const job = await db.job.create({
      data: { name: "runs-retried-task", kind: "task", config: { task: "sundial.daily-report" }, triggerType: "cron", trigger: { expression: "0 6 * * *" }, timezone: "UTC", nextRunAt: new Date(Date.now() + 86_400_000) },
    });
    const at = new Date(Date.now() - 3_600_000);
    first = (
      await db.run.create({
        data: {
          jobId: job.id,
          slotAt: at,
          scheduledFor: at,
          source: "schedule",
          status: "failed",
          attempt: 1,
          startedAt: new Date(at.getTime() + 1_500),
          finishedAt: new Date(at.getTime() + 4_000),
          latenessMs: 1_500,
          durationMs: 2_500,
          errorMessage: "report store unreachable <b>ECONNREFUSED</b>",
          errorStack: "Error: report store unreachable\n    at sendReport (daily-report.ts:12:9)",
          logLineCount: 3,
          logTruncated: true,
          logs: {
            create: [
              { seq: 1, stream: "stdout", text: "collecting yesterday's runs" },
              { seq: 2, stream: "stderr", text: "connect ECONNREFUSED 10.0.0.9:5432" },
              { seq: 3, stream: "system", text: "log truncated: this run's log reached 1048576 bytes" },
            ],
          },
        },
      })
    ).id;
    retry = (await db.run.create({ data: { jobId: job.id, scheduledFor: new Date(at.getTime() + 34_000), source: "retry", status: "succeeded", attempt: 2, retryOfId: first } })).id;
  } finally {
    await db.$disconnect();
  }

  await page.goto(`/runs/${first}`);
  await expect(statusOf(page)).toHaveAttribute("data-status", "failed");
  await expect(page.getByTestId("run-error")).toHaveText("report store unreachable <b>ECONNREFUSED</b>");
  await page.getByText("Stack trace").click();
  await expect(page.getByText("at sendReport (daily-report.ts:12:9)")).toBeVisible();
  const log = page.getByRole("log", { name: "Run log" });
  await expect(log.locator('tr[data-stream="stderr"]')).toHaveText("2connect ECONNREFUSED 10.0.0.9:5432");
  await expect(log.locator('tr[data-stream="stdout"]')).toHaveText("1collecting yesterday's runs");
  await expect(page.getByText("This log was truncated")).toBeVisible();
  await expect(page.getByText("log complete")).toBeVisible();
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText("1.5 s late");

  const chain = page.getByRole("list", { name: "Retry chain" });
  await expect(chain.getByRole("listitem")).toHaveCount(2);
  await chain.getByRole("link", { name: retry }).click();
  await expect(page).toHaveURL(new RegExp(`/runs/${retry}$`));
  await expect(statusOf(page)).toHaveAttribute("data-status", "succeeded");
  await expect(page.getByRole("list", { name: "Retry chain" }).getByRole("link", { name: first })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: screenshotPath("run-detail-mobile.png"), fullPage: true });
});

test("a run claimed ahead of its slot says it waits for its time: on the runs list, its page and the job's timeline", async ({ page }) => {
  // As a worker leaves it when it claims a slot up to WORKER_LEAD_MS early (a lead of ten minutes
  // here, so that the page has time to look): running, by the live worker, starting at the slot.
  const workers: { id: string; state: string }[] = (await (await api.get("/api/v1/workers")).json()).data;
  const worker = workers.find((w) => w.state === "online")!;
  const slot = new Date(Date.now() + 10 * 60_000);
  const db = createDb(E2E_DATABASE_URL);
  let jobId: string, runId: string;
  try {
    const job = await db.job.create({
      data: { name: "runs-claimed-ahead", kind: "task", config: { task: "sundial.daily-report" }, triggerType: "cron", trigger: { expression: "0 6 * * *" }, timezone: "UTC", nextRunAt: new Date(Date.now() + 86_400_000) },
    });
    jobId = job.id;
    runId = (
      await db.run.create({
        data: { jobId, slotAt: slot, scheduledFor: slot, source: "schedule", status: "running", workerId: worker.id, claimToken: "e2e-ahead", leaseExpiresAt: new Date(slot.getTime() + 60_000), startedAt: slot, latenessMs: 0 },
      })
    ).id;
  } finally {
    await db.$disconnect();
  }
  try {
    await page.goto(`/runs?jobId=${jobId}`);
    await expect(page.getByRole("table", { name: "Runs" }).getByTestId("run-status")).toContainText("claimed, waits for its time");

    await page.goto(`/runs/${runId}`);
    await expect(statusOf(page)).toContainText("claimed, waits for its time");
    await expect(page.getByRole("list", { name: "Timeline" })).toContainText("Claimed; starts");
    await expect(page.getByRole("list", { name: "Timeline" })).not.toContainText("Claimed and started");

    await page.goto(`/jobs/${jobId}`);
    const entry = page.getByTestId("timeline-entry").filter({ hasText: "Running" });
    await expect(entry).toContainText("Starts");
    await expect(entry).toContainText(/in (9|10) min/);
  } finally {
    const cleanup = createDb(E2E_DATABASE_URL);
    await cleanup.job.delete({ where: { id: jobId } }).finally(() => cleanup.$disconnect());
  }
});

test("a viewer reads a run but is offered neither cancel nor re-run", async ({ browser }) => {
  const viewer = { email: "vera.runs-viewer@sundial.test", password: "viewer password 3" };
  const db = createDb(E2E_DATABASE_URL);
  let runId: string;
  try {
    await createUser(db, { name: "Vera", email: viewer.email, password: viewer.password, role: "viewer" }, ADMIN_ACTOR);
    const job = await db.job.create({
      data: { name: "runs-viewer-sees", kind: "http", config: { url: "https://example.com/tomorrow" }, triggerType: "cron", trigger: { expression: "0 6 * * *" }, timezone: "UTC", nextRunAt: new Date(Date.now() + 86_400_000) },
    });
    // Queued for tomorrow: no worker takes it, so an operator could still cancel it.
    runId = (await db.run.create({ data: { jobId: job.id, scheduledFor: new Date(Date.now() + 86_400_000), source: "manual" } })).id;
  } finally {
    await db.$disconnect();
  }
  const { context, page } = await signedInAs(browser, viewer);
  try {

    await page.goto(`/runs/${runId}`);
    await expect(statusOf(page)).toHaveAttribute("data-status", "queued");
    await expect(page.getByRole("list", { name: "Timeline" })).toContainText("Waiting for a worker");
    await expect(page.getByRole("button", { name: "Cancel run" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Re-run" })).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test("an unknown run id is a not-found page", async ({ page }) => {
  // (The page streams behind its loading skeleton, so the HTTP status is already sent as 200.)
  await page.goto("/runs/00000000-0000-7000-8000-000000000000");
  await expect(page.getByText("No such run")).toBeVisible();
  await expect(page.getByRole("link", { name: "All runs" })).toHaveAttribute("href", "/runs");
});
