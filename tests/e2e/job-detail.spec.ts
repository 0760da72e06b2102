// The job page as an operator uses it: run now with a payload, pause with a note, delete with the
// counts stated, misfires after a worker outage shown on the timeline, and what a viewer sees.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { test } from "./hydrated";
import { signedInAs } from "./accounts";
import { screenshotPath } from "./screenshots";
import { createDb } from "@/lib/db";
import type { Actor } from "@/lib/jobs/actor";
import { createUser } from "@/lib/users/create-user";
import { E2E_ADMIN, E2E_DATABASE_URL } from "../../playwright.config";

test.describe.configure({ mode: "serial" });

type Job = { id: string; name: string; pausedAt: string | null };
type Run = { id: string; status: string; source: string; slotAt: string | null; reason: string | null; logLineCount: number };

const orderTask = (orderId: string) => ({ task: "example.cancel-unpaid-order", payload: { orderId } });
const tomorrow = () => new Date(Date.now() + 24 * 3600_000).toISOString();

async function createJob(request: APIRequestContext, body: Record<string, unknown>): Promise<Job> {
  const response = await request.post("/api/v1/jobs", { data: body });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).data;
}

async function runsOf(request: APIRequestContext, jobId: string, query = ""): Promise<Run[]> {
  const response = await request.get(`/api/v1/runs?jobId=${jobId}&limit=200${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()).items;
}

/** Set before acting; still set afterwards only if the page was never reloaded or navigated away. */
async function markPage(page: Page) {
  await page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
}
async function expectNotReloaded(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
}

test("run now: the run appears in the timeline and turns succeeded live; bad payloads are answered inline", async ({ page, request }) => {
  const job = await createJob(request, {
    name: "e2e-detail-run-now",
    description: "Cancels an unpaid order (the README's example)",
    kind: "task",
    config: orderTask("8812"),
    trigger: { type: "date", runAt: tomorrow() },
    tags: ["orders", "e2e"],
  });
  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByRole("heading", { name: job.name })).toBeVisible();
  await expect(page.getByText("No runs yet")).toBeVisible();
  await expect(page.getByRole("list", { name: "Tags" })).toContainText("orders");
  await expect(page.getByRole("list", { name: "Next runs" }).getByRole("listitem")).toHaveCount(1);
  await markPage(page);

  await page.getByRole("button", { name: "Run now" }).click();
  const dialog = page.getByRole("dialog");
  // The task's payload as fields, generated from its schema and prefilled with the job's default.
  const orderId = dialog.getByLabel("orderId", { exact: true });
  const callbackUrl = dialog.getByLabel("callbackUrl (optional)");
  await expect(orderId).toHaveValue("8812");

  // Tried: a callback URL the task's schema refuses (ftp://), answered under its field.
  await orderId.fill("9001");
  await callbackUrl.fill("ftp://orders.example/cancel");
  await dialog.getByRole("button", { name: "Run now" }).click();
  await expect(dialog.getByText("callbackUrl must be an http:// or https:// URL")).toBeVisible();
  await expect(callbackUrl).toHaveAttribute("aria-invalid", "true");

  // As JSON: text that is not JSON (caught before sending), then a key the task does not take.
  await callbackUrl.fill("");
  await dialog.getByRole("button", { name: "Edit as JSON" }).click();
  const payload = dialog.getByLabel("Payload (JSON)");
  await expect(payload).toHaveValue(/"orderId": "9001"/);
  await payload.fill('{"orderId": ');
  await dialog.getByRole("button", { name: "Run now" }).click();
  await expect(dialog.getByText(/is not valid JSON/)).toBeVisible();
  await payload.fill('{"orderId": "9001", "refund": true}');
  await dialog.getByRole("button", { name: "Run now" }).click();
  await expect(dialog.getByText('unknown field "refund"')).toBeVisible();
  await expect(payload).toHaveAttribute("aria-invalid", "true");
  expect(await runsOf(request, job.id)).toHaveLength(0);
  await page.screenshot({ path: screenshotPath("job-detail-run-now-dialog.png") });

  await payload.fill('{"orderId": "9001"}');
  await dialog.getByRole("button", { name: "Run now" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Run of ${job.name} queued`)).toBeVisible();

  const entry = page.getByTestId("timeline-entry").first();
  await expect(entry).toContainText("run now");
  await expect(entry).toHaveAttribute("data-status", "succeeded");
  await expect(entry).toContainText("Succeeded");
  await expect(page.getByTestId("timeline-entry")).toHaveCount(1);
  await expectNotReloaded(page);

  const [run] = await runsOf(request, job.id);
  expect(run).toMatchObject({ status: "succeeded", source: "manual" });
  await expect(entry.getByRole("link", { name: "Succeeded" })).toHaveAttribute("href", `/runs/${run!.id}`);
  await page.screenshot({ path: screenshotPath("job-detail-run-now.png"), fullPage: true });
});

test("pause with a note: the note and who paused show, and no slot runs while paused", async ({ page, request }) => {
  const job = await createJob(request, {
    name: "e2e-detail-pause",
    kind: "task",
    config: orderTask("pause-1"),
    trigger: { type: "interval", every: { seconds: 2 }, start: new Date().toISOString() },
  });
  await page.goto(`/jobs/${job.id}`);
  // The schedule is live: its slots come due and run.
  await expect(page.getByTestId("timeline-entry").filter({ hasText: "Succeeded" }).first()).toBeVisible();

  await page.getByRole("button", { name: "Pause" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Note (optional)").fill("Order service in maintenance until 14:00");
  await dialog.getByRole("button", { name: "Pause" }).click();
  await expect(dialog).toBeHidden();
  // The pause has committed by now; pausedAt is read before its transaction waits for the write lock.
  const pauseCommitted = Date.now();
  const banner = page.getByTestId("pause-banner");
  await expect(banner).toContainText("Order service in maintenance until 14:00");
  await expect(banner).toContainText(`by ${E2E_ADMIN.email}`);
  await expect(page.getByRole("list", { name: "Next runs" })).toHaveCount(0);

  const paused: Job = (await (await request.get(`/api/v1/jobs/${job.id}`)).json()).data;
  expect(paused.pausedAt).not.toBeNull();
  // Three slots' worth of time passes while paused. A slot less than the worker's lead after the
  // pause (WORKER_LEAD_MS, 500 ms by default) was claimed before it and may still run, as the README says.
  await page.waitForTimeout(6_000);
  const claimedBefore = pauseCommitted + 500;
  const afterPause = (await runsOf(request, job.id, "&source=schedule")).filter((run) => Date.parse(run.slotAt!) > claimedBefore);
  expect(afterPause).toEqual([]);
  await page.screenshot({ path: screenshotPath("job-detail-paused.png"), fullPage: true });

  await page.getByRole("button", { name: "Resume" }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByRole("list", { name: "Next runs" })).toBeVisible();
  // Stop it again so its slots don't fill the ledger for the tests after this one.
  await request.post(`/api/v1/jobs/${job.id}/pause`, { data: {} });
});

test("delete: the confirmation states the runs and log lines that go, then the job is gone", async ({ page, request }) => {
  const job = await createJob(request, { name: "e2e-detail-delete", kind: "task", config: orderTask("del-1"), trigger: { type: "date", runAt: tomorrow() } });
  for (let i = 0; i < 2; i += 1) expect((await request.post(`/api/v1/jobs/${job.id}/trigger`, { data: {} })).status()).toBe(201);
  await expect.poll(async () => (await runsOf(request, job.id)).map((run) => run.status)).toEqual(["succeeded", "succeeded"]);
  const logLines = (await runsOf(request, job.id)).reduce((sum, run) => sum + run.logLineCount, 0);
  expect(logLines).toBeGreaterThan(0);

  await page.goto(`/jobs/${job.id}`);
  await page.getByRole("button", { name: "More actions" }).click();
  await page.getByRole("menuitem", { name: "Delete…" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm.getByTestId("delete-job-summary")).toHaveText(new RegExp(`with its 2 runs and ${logLines} log lines`));
  await page.screenshot({ path: screenshotPath("job-detail-delete-dialog.png") });
  // Keeping it changes nothing.
  await confirm.getByRole("button", { name: "Keep the job" }).click();
  expect((await request.get(`/api/v1/jobs/${job.id}`)).status()).toBe(200);

  await page.getByRole("button", { name: "More actions" }).click();
  await page.getByRole("menuitem", { name: "Delete…" }).click();
  // The toast is raised as the page leaves for the jobs list: every toast shown is reported as it
  // appears, so it is seen even if the next page loads in full.
  const toasts: string[] = [];
  await page.exposeBinding("reportToast", (_source, text: string) => void toasts.push(text));
  await page.evaluate(() => {
    const report = (window as unknown as { reportToast: (text: string) => void }).reportToast;
    new MutationObserver(() => document.querySelectorAll("[data-sonner-toast]").forEach((toast) => report(toast.textContent ?? ""))).observe(document.body, {
      subtree: true,
      childList: true,
    });
  });
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete job" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  expect(toasts).toContainEqual(expect.stringContaining(`Deleted ${job.name} with 2 runs and ${logLines} log lines`));
  const gone = await request.get(`/api/v1/jobs/${job.id}`);
  expect(gone.status()).toBe(404);
  expect((await gone.json()).error.code).toBe("not_found");
  expect(await runsOf(request, job.id)).toEqual([]);
});

test("a misfire after worker downtime shows on the job as missed slots with their reason", async ({ page, request }) => {
  test.setTimeout(120_000);
  const job = await createJob(request, {
    name: "e2e-detail-misfire",
    kind: "task",
    config: orderTask("misfire-1"),
    trigger: { type: "interval", every: { seconds: 2 }, start: new Date().toISOString() },
    misfireGraceSeconds: 1,
    coalesce: "all",
  });
  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByTestId("timeline-entry").filter({ hasText: "Succeeded" }).first()).toBeVisible();
  await expect(page.locator('[data-testid="timeline-entry"][data-status="missed"]')).toHaveCount(0);

  const workers: { pid: number; state: string }[] = (await (await request.get("/api/v1/workers")).json()).data;
  const online = workers.filter((w) => w.state === "online");
  expect(online).toHaveLength(1);
  const { pid } = online[0]!;
  process.kill(pid, "SIGSTOP");
  const frozenAt = Date.now();
  try {
    // Meanwhile the job page gives the due slot apart and lists only slots still ahead (it listed
    // from the job's nextRunAt, which stays on the waiting slot: "6 sec. ago, 4 sec. ago, …").
    await expect(page.getByTestId("waiting-slot")).toContainText("is due and not started yet");
    const listed = await page.getByRole("list", { name: "Next runs" }).locator("time").evaluateAll((times) => times.map((t) => t.getAttribute("datetime")!));
    expect(listed).toHaveLength(5);
    // The list is worked out on the page's one-second clock: it starts after the waiting slot.
    const waitingSlot = await page.getByTestId("waiting-slot").locator("time").getAttribute("datetime");
    expect(Date.parse(listed[0]!)).toBeGreaterThan(Date.parse(waitingSlot!));
    // The jobs list marks its next run likewise.
    const list = await page.context().newPage();
    await list.goto(`/jobs?q=${job.name}`);
    await expect(list.getByRole("row").filter({ hasText: job.name }).getByTestId("waiting-slot")).toHaveText("due, not started yet");
    await list.close();
    // About six slots come due while the worker is frozen.
    await page.waitForTimeout(Math.max(0, frozenAt + 12_000 - Date.now()));
  } finally {
    process.kill(pid, "SIGCONT");
  }

  const missed = page.locator('[data-testid="timeline-entry"][data-status="missed"]');
  await expect(missed.first()).toBeVisible();
  await expect(missed.first()).toContainText("Missed");
  await expect(missed.first()).toContainText("misfire");
  await expect(missed.first()).toContainText(/started too late: .* after its time; the misfire grace is 1 s/);
  // The worker runs the schedule again after the outage.
  await expect.poll(async () => (await runsOf(request, job.id, "&status=missed")).length).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId("waiting-slot")).toBeHidden();

  // The Missed chip shows only the misfires.
  await request.post(`/api/v1/jobs/${job.id}/pause`, { data: {} });
  await page.getByRole("group", { name: "Filter by status" }).getByRole("button", { name: "Missed" }).click();
  await expect(page.getByRole("group", { name: "Filter by status" }).getByRole("button", { name: "Missed" })).toHaveAttribute("aria-pressed", "true");
  const shown = page.getByTestId("timeline-entry");
  await expect(shown.first()).toHaveAttribute("data-status", "missed");
  const statuses = await shown.evaluateAll((entries) => entries.map((e) => e.getAttribute("data-status")));
  expect(new Set(statuses)).toEqual(new Set(["missed"]));
  await page.screenshot({ path: screenshotPath("job-detail-misfires.png", { readme: true }), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: screenshotPath("job-detail-misfires-dark.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: screenshotPath("job-detail-mobile.png"), fullPage: true });
});

test("a run whose worker went offline: the banners say so, and marking it lost ends it and queues the retry", async ({ page, request }) => {
  const job = await createJob(request, {
    name: "e2e-detail-stuck",
    kind: "task",
    config: orderTask("stuck-1"),
    trigger: { type: "date", runAt: tomorrow() },
    retry: { maxAttempts: 2, backoffSeconds: 1, maxBackoffSeconds: 1 },
  });
  // A worker that stopped heartbeating an hour ago, still holding a run whose lease runs another
  // hour: the reaper leaves it alone, only an operator can say it is lost.
  const db = createDb(E2E_DATABASE_URL);
  const hourAgo = new Date(Date.now() - 3600_000);
  let stuckId: string;
  try {
    await db.worker.create({ data: { id: "e2e-vanished-worker", host: "gone", pid: 1, version: "e2e", capacity: 1, startedAt: hourAgo, lastHeartbeatAt: hourAgo } });
    const run = await db.run.create({
      data: {
        jobId: job.id,
        source: "manual",
        scheduledFor: hourAgo,
        status: "running",
        workerId: "e2e-vanished-worker",
        claimToken: "e2e-claim",
        leaseExpiresAt: new Date(Date.now() + 3600_000),
        startedAt: hourAgo,
        payload: { orderId: "stuck-1" },
      },
    });
    stuckId = run.id;
  } finally {
    await db.$disconnect();
  }

  try {
    await expectStuckRunMarkedLost(page, request, job, stuckId!);
  } finally {
    // Other specs count the workers: the made-up one leaves with this test.
    const cleanup = createDb(E2E_DATABASE_URL);
    await cleanup.worker.delete({ where: { id: "e2e-vanished-worker" } }).finally(() => cleanup.$disconnect());
  }
});

async function expectStuckRunMarkedLost(page: Page, request: APIRequestContext, job: Job, stuckId: string) {
  await page.goto(`/jobs/${job.id}`);
  const banner = page.getByTestId("stuck-run-banner");
  await expect(banner).toContainText("A run looks stuck");
  await expect(banner).toContainText("worker e2e-vanished-worker is offline: its last heartbeat was at");
  await expect(page.getByTestId("max-instances-banner")).toContainText("Max instances reached: the next slot will be skipped");
  await page.screenshot({ path: screenshotPath("job-detail-stuck.png"), fullPage: true });

  await banner.getByRole("button", { name: "Mark lost" }).click();
  await expect(page.getByText("Run marked lost; a retry is queued")).toBeVisible();
  await expect(banner).toBeHidden();
  await expect(page.getByTestId("max-instances-banner")).toBeHidden();
  const lost = page.locator(`[data-testid="timeline-entry"][data-status="lost"]`);
  await expect(lost).toContainText(`marked lost by ${E2E_ADMIN.email}: worker e2e-vanished-worker is offline`);
  // The retry runs on the real worker and shows up as attempt 2, linked to the lost run.
  const retry = page.locator(`[data-testid="timeline-entry"][data-status="succeeded"]`);
  await expect(retry).toContainText("attempt 2");
  await expect(retry.getByRole("link", { name: stuckId.slice(-8) })).toHaveAttribute("href", `/runs/${stuckId}`);

  // Tried again through the API: the run is no longer running, so it is refused with a reason.
  const again = await request.post(`/api/v1/runs/${stuckId}/mark-lost`);
  expect(again.status()).toBe(409);
  expect((await again.json()).error.message).toBe("Only a running run can be marked lost; this one is lost");
}

test("a per-second job held back by max instances: Next runs lists only slots ahead, and the banner says the due slot waits", async ({ page, request }) => {
  // A receiver that answers after 5 s: each run outlasts four of the job's slots.
  const receiver = createServer((_req, res) => void setTimeout(() => res.end("ok"), 5_000));
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const { port } = receiver.address() as AddressInfo;
  const job = await createJob(request, {
    name: "e2e-detail-held-back",
    kind: "http",
    config: { method: "GET", url: `http://127.0.0.1:${port}/slow` },
    trigger: { type: "cron", expression: "* * * * * *", timezone: "UTC" },
    maxInstances: 1,
  });
  try {
    await page.goto(`/jobs/${job.id}`);
    const banner = page.getByTestId("max-instances-banner");
    // Its nextRunAt stays on a slot until the worker decides it, which waits for the running run:
    // the banner and the list go by the page's clock, not by nextRunAt.
    await expect(banner).toContainText("waits for them: if they are still running, it is recorded as skipped, not run");
    await expect(page.getByRole("region", { name: "Policies" })).toContainText("Max instances1: a slot due while a run is running waits 500 ms for a place, then is skipped");
    // The list is worked out on the page's one-second clock; the browser's own now is read with it.
    const { listed, now } = await page
      .getByRole("list", { name: "Next runs" })
      .evaluate((list) => ({ listed: [...list.querySelectorAll("time")].map((t) => t.getAttribute("datetime")!), now: Date.now() }));
    expect(listed).toHaveLength(5);
    expect(Date.parse(listed[0]!)).toBeGreaterThan(now - 1_500);
    await expect.poll(async () => (await runsOf(request, job.id, "&status=skipped")).length).toBeGreaterThan(0);
  } finally {
    await request.post(`/api/v1/jobs/${job.id}/pause`, { data: {} });
    // The last run ends as the others did, not failed by a receiver gone (its alert would reach other specs).
    await expect.poll(async () => (await runsOf(request, job.id, "&status=running")).length, { timeout: 15_000 }).toBe(0);
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  }
});

test("a job whose stored config fails its schema: its page says what is wrong, its run fails saying so, and an edit fixes it", async ({ page, request }) => {
  const job = await createJob(request, { name: "e2e-detail-broken-config", kind: "http", config: { method: "GET", url: "http://127.0.0.1:9/never" }, trigger: { type: "date", runAt: tomorrow() } });
  // Tried: a row edited by hand, without its URL and with the accepted statuses as a string.
  const db = createDb(E2E_DATABASE_URL);
  try {
    await db.job.update({ where: { id: job.id }, data: { config: { method: "GET", acceptedStatuses: "200" } } });
  } finally {
    await db.$disconnect();
  }
  const problem = "url: must be an http:// or https:// URL; acceptedStatuses: Invalid input: expected array, received string";

  const read = (await (await request.get(`/api/v1/jobs/${job.id}`)).json()).data;
  expect(read.configProblem).toBe(problem);
  const triggered = await request.post(`/api/v1/jobs/${job.id}/trigger`, { data: {} });
  expect(triggered.status()).toBe(201);
  const runId: string = (await triggered.json()).data.id;
  await expect.poll(async () => (await (await request.get(`/api/v1/runs/${runId}`)).json()).data.status).toBe("failed");
  expect((await (await request.get(`/api/v1/runs/${runId}`)).json()).data.errorMessage).toBe(`invalid http job configuration: ${problem}`);

  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByTestId("config-problem")).toContainText(`This configuration can't be read: ${problem}. Its runs fail until it is fixed`);
  await expect(page.getByText("invalid http configuration")).toBeVisible();

  await page.goto(`/jobs/${job.id}/edit`);
  await expect(page.getByTestId("config-problem")).toContainText("The stored http configuration can't be read");
  await page.getByLabel("URL").fill("http://127.0.0.1:9/fixed");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${job.id}$`));
  await expect(page.getByTestId("config-problem")).toHaveCount(0);
  await expect(page.getByText("GET http://127.0.0.1:9/fixed").first()).toBeVisible();
  const fixed = (await (await request.get(`/api/v1/jobs/${job.id}`)).json()).data;
  expect(fixed).toMatchObject({ configProblem: null, config: { url: "http://127.0.0.1:9/fixed", acceptedStatuses: [200, 201, 202, 204] } });
});

test("the timeline pages back through older slots, and tells coalesced slots from skipped ones", async ({ page, request }) => {
  const job = await createJob(request, { name: "e2e-detail-paging", kind: "task", config: orderTask("page-1"), trigger: { type: "date", runAt: tomorrow() } });
  // 30 recorded slots, a minute apart, oldest first: 27 succeeded, then a coalesced one, a skipped one
  // (max instances) and, newest, a failed one.
  const db = createDb(E2E_DATABASE_URL);
  const base = Date.now() - 3600_000;
  try {
    await db.run.createMany({
      data: Array.from({ length: 30 }, (_, i) => {
        const at = new Date(base + i * 60_000);
        const status = i === 27 ? "skipped" : i === 28 ? "skipped" : i === 29 ? "failed" : "succeeded";
        const reason = i === 27 ? `coalesced into the ${new Date(base + 29 * 60_000).toISOString()} run` : i === 28 ? "max instances reached (1 running)" : null;
        return { jobId: job.id, source: "schedule" as const, slotAt: at, scheduledFor: at, status, reason, errorMessage: i === 29 ? "HTTP 503 from the order service" : null, finishedAt: at };
      }),
    });
  } finally {
    await db.$disconnect();
  }

  await page.goto(`/jobs/${job.id}`);
  const entries = page.getByTestId("timeline-entry");
  await expect(entries).toHaveCount(25);
  await expect(entries.nth(0)).toHaveAttribute("data-status", "failed");
  await expect(entries.nth(0)).toContainText("HTTP 503 from the order service");
  await expect(entries.nth(1)).toHaveAttribute("data-outcome", "skipped");
  await expect(entries.nth(1)).toContainText("Skipped");
  await expect(entries.nth(1)).toContainText("misfire");
  await expect(entries.nth(2)).toHaveAttribute("data-outcome", "coalesced");
  await expect(entries.nth(2)).toContainText("Coalesced");
  await expect(entries.nth(2)).not.toContainText("misfire");

  await page.getByRole("button", { name: "Load older runs" }).click();
  await expect(entries).toHaveCount(30);
  await expect(page.getByText("The beginning of this job's recorded history.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Load older runs" })).toHaveCount(0);

  // Two chips together: the union of their statuses.
  const filters = page.getByRole("group", { name: "Filter by status" });
  await filters.getByRole("button", { name: "Failed" }).click();
  await filters.getByRole("button", { name: "Skipped" }).click();
  await expect(entries).toHaveCount(3);
  // Back to all: the pages already loaded are still there.
  await filters.getByRole("button", { name: "All" }).click();
  await expect(entries).toHaveCount(30);
});

test("a viewer sees the job, its note and timeline, but no action", async ({ browser, request }) => {
  const viewer = { email: "vera.detail-viewer@sundial.test", password: "viewer password 22" };
  const db = createDb(E2E_DATABASE_URL);
  try {
    const admin: Actor = { type: "user", id: null, label: E2E_ADMIN.email };
    await createUser(db, { name: "Vera", email: viewer.email, password: viewer.password, role: "viewer" }, admin);
  } finally {
    await db.$disconnect();
  }
  const job = await createJob(request, { name: "e2e-detail-viewer", kind: "task", config: orderTask("v-1"), trigger: { type: "date", runAt: tomorrow() } });
  expect((await request.post(`/api/v1/jobs/${job.id}/pause`, { data: { note: "Frozen for the audit" } })).status()).toBe(200);

  const { context, page } = await signedInAs(browser, viewer);
  try {
    await page.goto(`/jobs/${job.id}`);
    await expect(page.getByRole("heading", { name: job.name })).toBeVisible();
    await expect(page.getByTestId("pause-banner")).toContainText("Frozen for the audit");
    await expect(page.getByRole("list", { name: "Slot timeline" }).or(page.getByText("No runs yet"))).toBeVisible();
    for (const name of ["Run now", "Pause", "Resume", "Edit", "More actions"]) await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test("an unknown job id shows the not-found page", async ({ page }) => {
  await page.goto("/jobs/00000000-0000-7000-8000-000000000000");
  await expect(page.getByText("No such job")).toBeVisible();
});
