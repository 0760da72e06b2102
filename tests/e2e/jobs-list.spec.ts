// The jobs list (/jobs) as an operator uses it: search, filters, sort and page kept in the URL,
// pause and run now from a row, the recent-runs strip, the empty states, on a desktop and a phone.
import { expect, type Page } from "@playwright/test";
import { test } from "./hydrated";
import { signedInAs } from "./accounts";
import { screenshotPath } from "./screenshots";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createUser } from "@/lib/users/create-user";
import { createDb } from "@/lib/db";
import { nextFireTimes } from "@/lib/schedule/next-fire-times";
import type { Actor } from "@/lib/jobs/actor";
import { startRecorder, type Recorder } from "../support/recorder";
import { E2E_ADMIN, E2E_DATABASE_URL } from "../../playwright.config";

test.describe.configure({ mode: "serial" });

const ADMIN_ACTOR: Actor = { type: "user", id: null, label: E2E_ADMIN.email };
const BULK = 52;
const VIEWER = { email: "vera.jobs-viewer@sundial.test", password: "jobs viewer password 1" };

let operator: Record<string, string>;
let receiver: Recorder;

/**
 * Leap days only: nothing runs unless a test asks. (A daily 02:30 in Berlin ran all 54 jobs when the
 * suite reached them at 01:29 UTC, and the next run read "in 54 sec.".)
 */
const LEAP_DAY_TRIGGER = { type: "cron", expression: "30 2 29 2 *", timezone: "Europe/Berlin" };
const LEAP_DAY_WORDS = "At 02:30, on day 29 of the month, only in February (Europe/Berlin)";

/** A task job that does not run while the suite does. */
const taskJob = (name: string, tags: string[]) => ({
  name,
  kind: "task",
  config: { task: "example.cancel-unpaid-order", payload: { orderId: "8812" } },
  trigger: LEAP_DAY_TRIGGER,
  tags,
});

test.beforeAll(async ({ request }) => {
  const db = createDb(E2E_DATABASE_URL);
  try {
    operator = { authorization: `Bearer ${(await createApiToken(db, { name: "jobs-list-operator", role: "operator" }, { actor: ADMIN_ACTOR, role: "admin" })).secret}` };
    await createUser(db, { name: "Vera Viewer", email: VIEWER.email, password: VIEWER.password, role: "viewer" }, ADMIN_ACTOR);
  } finally {
    await db.$disconnect();
  }
  receiver = await startRecorder();
  receiver.respond((_, response) => {
    response.statusCode = 500;
    response.end("the receiver is down");
  });
  const create = async (body: unknown) => {
    const response = await request.post("/api/v1/jobs", { headers: operator, data: body });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()).data as { id: string };
  };
  await create(taskJob("jl-alpha", ["jl-billing"]));
  await create(taskJob("jl-bravo", ["jl-billing"]));
  const failing = await create({
    name: "jl-failing-hook",
    kind: "http",
    config: { method: "POST", url: `${receiver.url}/hook` },
    trigger: LEAP_DAY_TRIGGER,
    tags: ["jl-hooks"],
  });
  for (let start = 1; start <= BULK; start += 13) {
    await Promise.all(
      Array.from({ length: Math.min(13, BULK - start + 1) }, (_, i) => create(taskJob(`jl-bulk-${String(start + i).padStart(2, "0")}`, ["jl-bulk"]))),
    );
  }
  // A real failed run: the worker calls the receiver, which answers 500.
  const triggered = await request.post(`/api/v1/jobs/${failing.id}/trigger`, { headers: operator, data: {} });
  expect(triggered.status()).toBe(201);
  await expect
    .poll(async () => (await (await request.get(`/api/v1/runs?jobId=${failing.id}&limit=1`, { headers: operator })).json()).items[0]?.status, { timeout: 30_000 })
    .toBe("failed");
});

// The other specs share this server: leave them the jobs they expect (the overview's first page
// would otherwise be all jl-bulk).
test.afterAll(async ({ request }) => {
  await receiver?.close();
  const listed = await request.get("/api/v1/jobs?q=jl-&pageSize=200", { headers: operator });
  for (const job of (await listed.json()).items as { id: string }[]) {
    expect((await request.delete(`/api/v1/jobs/${job.id}`, { headers: operator })).status()).toBe(200);
  }
});

const jobsTable = (page: Page) => page.getByRole("table", { name: "Jobs" });
const rowOf = (page: Page, name: string) => jobsTable(page).getByRole("row", { name: new RegExp(`${name}\\b`) });
const jobLinks = (page: Page) => jobsTable(page).getByRole("link", { name: /^jl-/ });

test("search narrows the list as you type, and clearing the filters brings everything back", async ({ page }) => {
  await page.goto("/jobs");
  await expect(page.getByRole("heading", { name: "Jobs", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "New job" })).toHaveAttribute("href", "/jobs/new");
  await page.getByRole("searchbox", { name: "Search jobs by name" }).fill("JL-BR");
  await expect(jobLinks(page)).toHaveText(["jl-bravo"]);
  await expect(page).toHaveURL(/\/jobs\?q=JL-BR$/);
  await expect(rowOf(page, "jl-bravo")).toContainText(LEAP_DAY_WORDS);
  await expect(rowOf(page, "jl-bravo")).toContainText("30 2 29 2 *");
  await expect(rowOf(page, "jl-bravo")).toContainText("task example.cancel-unpaid-order");
  const nextRun = rowOf(page, "jl-bravo").locator("time");
  await expect(nextRun).toHaveAttribute("datetime", nextFireTimes(LEAP_DAY_TRIGGER, new Date(), 1)[0]!.toISOString());
  // "next yr." now; "in 3 mo.", "next wk.", "tomorrow" as the leap day comes closer.
  await expect(nextRun).toHaveText(/^(in \d+ \S+|next \S+|tomorrow)$/);

  await page.getByRole("searchbox", { name: "Search jobs by name" }).fill("no-such-job-anywhere");
  await expect(page.getByText("No jobs match these filters")).toBeVisible();
  await page.screenshot({ path: screenshotPath("jobs-no-match.png"), fullPage: true });
  await page.getByRole("button", { name: "Clear filters" }).last().click();
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(page.getByRole("searchbox", { name: "Search jobs by name" })).toHaveValue("");
  await expect(rowOf(page, "jl-alpha")).toBeVisible();
});

test("a filter, a sort and a page live in the URL, survive a reload, and back goes to the previous page", async ({ page }) => {
  await page.goto("/jobs");
  await page.getByRole("combobox", { name: "Tag" }).selectOption("jl-bulk");
  await expect(page).toHaveURL(/\/jobs\?tag=jl-bulk$/);
  await expect(jobLinks(page).first()).toHaveText("jl-bulk-01");
  await expect(page.getByText(`1–50 of ${BULK} jobs`)).toBeVisible();

  // Name is the default sort (ascending): one click on its header sorts descending.
  await page.getByRole("button", { name: /^Name/ }).click();
  await expect(page).toHaveURL(/\/jobs\?tag=jl-bulk&sort=-name$/);
  await expect(jobLinks(page).first()).toHaveText(`jl-bulk-${BULK}`);
  await expect(jobsTable(page).getByRole("columnheader", { name: /^Name/ })).toHaveAttribute("aria-sort", "descending");

  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/\/jobs\?tag=jl-bulk&sort=-name&page=2$/);
  await expect(jobLinks(page)).toHaveText(["jl-bulk-02", "jl-bulk-01"]);
  await expect(page.getByText(`51–52 of ${BULK} jobs`)).toBeVisible();

  await page.reload();
  await expect(jobLinks(page)).toHaveText(["jl-bulk-02", "jl-bulk-01"]);
  await expect(page.getByRole("combobox", { name: "Tag" })).toHaveValue("jl-bulk");
  await expect(page.getByRole("combobox", { name: "Sort" })).toHaveValue("-name");
  await expect(page.getByText(`Page 2 of 2`)).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/\/jobs\?tag=jl-bulk&sort=-name$/);
  await expect(jobLinks(page).first()).toHaveText(`jl-bulk-${BULK}`);
  await page.goForward();
  await expect(jobLinks(page)).toHaveText(["jl-bulk-02", "jl-bulk-01"]);
});

test("the failing filter shows the job whose last run failed, with a red square linking to that run", async ({ page }) => {
  await page.goto("/jobs");
  await page.getByRole("button", { name: "Failing" }).click();
  await expect(page).toHaveURL(/\/jobs\?failing=1$/);
  await expect(jobLinks(page)).toHaveText(["jl-failing-hook"]);
  const square = rowOf(page, "jl-failing-hook").getByRole("listitem").getByRole("link");
  await expect(square).toHaveCount(1);
  await expect(square).toHaveAttribute("data-status", "failed");
  await expect(square).toHaveAttribute("href", /^\/runs\/[0-9a-f-]{36}$/);
  await square.focus();
  await expect(page.getByRole("tooltip")).toContainText("failed · scheduled");
  await expect(rowOf(page, "jl-failing-hook")).toContainText("failed");
});

test("pause from the row shows the paused badge and a toast; resume takes it away", async ({ page }) => {
  await page.goto("/jobs?q=jl-alpha");
  const row = rowOf(page, "jl-alpha");
  await expect(row).not.toContainText("paused");
  await row.getByRole("button", { name: "Pause jl-alpha" }).click();
  await expect(page.getByText("jl-alpha paused")).toBeVisible();
  await expect(row.getByText("paused", { exact: true })).toBeVisible();
  await expect(row).toContainText("not while paused");
  await row.getByRole("button", { name: "Resume jl-alpha" }).click();
  await expect(page.getByText("jl-alpha resumed")).toBeVisible();
  await expect(row.getByText("paused", { exact: true })).toHaveCount(0);
  await expect(row.getByRole("button", { name: "Pause jl-alpha" })).toBeVisible();
});

test("run now from the row makes a run appear in the strip", async ({ page }) => {
  await page.goto("/jobs?tag=jl-billing");
  const row = rowOf(page, "jl-bravo");
  await expect(row).toContainText("never");
  await expect(row.getByRole("listitem").getByRole("link")).toHaveCount(0);
  await row.getByRole("button", { name: "Run jl-bravo now" }).click();
  await expect(page.getByText("Run of jl-bravo queued")).toBeVisible();
  await expect(row.getByRole("listitem").getByRole("link")).toHaveCount(1);
  // The worker picks it up; the list follows without a reload.
  await expect(row.getByRole("listitem").getByRole("link")).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
  await page.screenshot({ path: screenshotPath("jobs-list.png", { readme: true }), fullPage: true });
});

test("on a phone the list keeps name, next run and actions", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/jobs?tag=jl-billing");
  const row = rowOf(page, "jl-bravo");
  await expect(row.getByRole("link", { name: "jl-bravo" })).toBeVisible();
  await expect(row.getByRole("button", { name: "Run jl-bravo now" })).toBeVisible();
  await expect(jobsTable(page).getByRole("columnheader", { name: "Schedule" })).toBeHidden();
  // The schedule folds into the name cell (the Schedule column holds the same words, hidden).
  await expect(row.getByText(LEAP_DAY_WORDS).first()).toBeVisible();
  await page.screenshot({ path: screenshotPath("jobs-list-phone.png"), fullPage: true });
});

test("bad list parameters in the URL fall back to the default view instead of an error page", async ({ page }) => {
  await page.goto("/jobs?sort=bogus&page=0&status=archived&failing=maybe");
  await expect(page.getByRole("heading", { name: "Jobs", exact: true })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Sort" })).toHaveValue("name");
  await expect(rowOf(page, "jl-alpha")).toBeVisible();
});

test("a viewer sees the list but no New job button and no row actions", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, VIEWER);
  try {
    await page.goto("/jobs?tag=jl-billing");
    await expect(rowOf(page, "jl-bravo")).toBeVisible();
    await expect(rowOf(page, "jl-bravo").getByRole("listitem").getByRole("link")).toHaveCount(1);
    await expect(page.getByRole("link", { name: "New job" })).toHaveCount(0);
    await expect(jobsTable(page).getByRole("button", { name: /now$|^Pause|^Resume/ })).toHaveCount(0);
  } finally {
    await context.close();
  }
});
