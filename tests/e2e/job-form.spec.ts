// The job form in a real browser: create with the live schedule preview, refuse bad input inline
// without saving, edit against a concurrent change, task payload fields, secrets kept on edit.
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { test } from "./hydrated";
import { signedInAs } from "./accounts";
import { screenshotPath } from "./screenshots";
import { createDb } from "@/lib/db";
import type { Actor } from "@/lib/jobs/actor";
import { createUser } from "@/lib/users/create-user";
import { E2E_ADMIN, E2E_DATABASE_URL } from "../../playwright.config";

const ADMIN_ACTOR: Actor = { type: "user", id: null, label: E2E_ADMIN.email };
/** A job page the form redirects to after a save: /jobs/{id}, not /jobs/new. */
const JOB_PAGE = /\/jobs\/(?!new\b)([^/?#]+)$/;

async function jobCount(request: APIRequestContext): Promise<number> {
  const response = await request.get("/api/v1/jobs?pageSize=1");
  expect(response.status()).toBe(200);
  return (await response.json()).total;
}

async function getJob(request: APIRequestContext, id: string) {
  const response = await request.get(`/api/v1/jobs/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()).data;
}

async function createViaApi(request: APIRequestContext, job: Record<string, unknown>) {
  const response = await request.post("/api/v1/jobs", { data: job });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).data as { id: string; version: number };
}

/** The form field around a control: its label, the control, its hint and its errors. */
const fieldOf = (page: Page, controlId: string) => page.locator('[data-slot="field"]').filter({ has: page.locator(`#${controlId}`) });

function savedJobId(page: Page): string {
  return JOB_PAGE.exec(new URL(page.url()).pathname)![1]!;
}

test("creates a cron job after previewing it in plain words with its next fire times", async ({ page }) => {
  await page.goto("/jobs/new");
  await expect(page.getByRole("heading", { name: "New job" })).toBeVisible();
  await expect(page.getByTestId("shell-disabled")).toContainText("SUNDIAL_ALLOW_SHELL");
  await expect(page.getByRole("tab", { name: "Shell command" })).toHaveCount(0);

  await page.getByLabel("Name", { exact: true }).fill("weekday-report");
  await page.getByLabel("Tags (optional)").fill("reports, e2e");
  await page.getByLabel("URL").fill("https://reports.example.com/run");
  await page.getByLabel("Timezone").selectOption("America/New_York");
  await page.getByLabel("Cron expression").fill("30 2 * * 1-5");

  const preview = page.getByRole("region", { name: "Schedule preview" });
  await expect(preview.getByTestId("schedule-description")).toHaveText(/02:30.*Monday through Friday/);
  const fireTimes = preview.getByRole("list", { name: "Next fire times" }).getByRole("listitem");
  await expect(fireTimes).toHaveCount(5);
  for (const text of await fireTimes.allTextContents()) expect(text).toMatch(/\d{4}-\d{2}-\d{2} 02:30:00 E[SD]T/);
  // The preset picker recognises what was typed.
  await expect(page.getByLabel("Preset")).toHaveValue("weekdays");
  // Advanced settings are folded away until asked for.
  await expect(page.getByLabel("Max instances")).toBeHidden();
  await page.screenshot({ path: screenshotPath("job-form-new.png", { readme: true }), fullPage: true });

  await page.getByRole("button", { name: "Create job" }).click();
  await page.waitForURL(JOB_PAGE);
  const job = await getJob(page.request, savedJobId(page));
  expect(job).toMatchObject({
    name: "weekday-report",
    kind: "http",
    tags: ["e2e", "reports"],
    trigger: { type: "cron", expression: "30 2 * * 1-5", timezone: "America/New_York" },
    config: { method: "GET", url: "https://reports.example.com/run", headers: [], acceptedStatuses: [200, 201, 202, 204] },
    misfireGraceSeconds: 60,
    version: 1,
  });
});

test("an invalid cron expression is shown next to its field and nothing is saved (tried: '61 * * * *', '* * *')", async ({ page }) => {
  const before = await jobCount(page.request);
  await page.goto("/jobs/new");
  await page.getByLabel("Name", { exact: true }).fill("never-saved");
  await page.getByLabel("URL").fill("https://example.com/hook");
  const expression = page.getByLabel("Cron expression");
  const field = fieldOf(page, "trigger-expression");

  await expression.fill("61 * * * *");
  // Live, from the preview, before any save.
  await expect(field).toContainText("minute: 61 is outside 0–59");
  await expect(expression).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByTestId("job-form-error")).toContainText("The job was not saved");
  await expect(field).toContainText("minute: 61 is outside 0–59");
  // Nothing typed is lost.
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("never-saved");
  await expect(page.getByLabel("URL")).toHaveValue("https://example.com/hook");
  await expect(expression).toHaveValue("61 * * * *");

  await expression.fill("* * *");
  await expect(field).toContainText("expected 5 fields (minute hour day-of-month month day-of-week), or 6 with seconds first; got 3");
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByTestId("job-form-error")).toBeVisible();
  await expect(field).toContainText("got 3");
  await page.screenshot({ path: screenshotPath("job-form-invalid-cron.png"), fullPage: true });

  await expect(page).toHaveURL(/\/jobs\/new$/);
  expect(await jobCount(page.request)).toBe(before);
});

test("an edit based on an old version is refused with who changed the job, and reloads the latest", async ({ page }) => {
  const { id } = await createViaApi(page.request, {
    name: "conflict-target",
    kind: "http",
    config: { url: "https://example.com/a" },
    trigger: { type: "cron", expression: "0 6 * * *", timezone: "UTC" },
  });
  await page.goto(`/jobs/${id}/edit`);
  await expect(page.getByRole("heading", { name: "Edit conflict-target" })).toBeVisible();
  await expect(page.getByLabel("Cron expression")).toHaveValue("0 6 * * *");

  // Meanwhile, someone changes the job through the API.
  const current = await getJob(page.request, id);
  const put = await page.request.put(`/api/v1/jobs/${id}`, { data: { ...current, description: "changed through the API", version: 1 } });
  expect(put.status(), await put.text()).toBe(200);

  await page.getByLabel("Description (optional)").fill("changed in the form");
  await page.getByRole("button", { name: "Save changes" }).click();
  const conflict = page.getByTestId("job-conflict");
  await expect(conflict).toContainText(`This job was changed by ${E2E_ADMIN.email} since you opened it`);
  await expect(conflict).toContainText("you opened version 1; it is now at version 2");
  await expect(page.getByLabel("Description (optional)")).toHaveValue("changed in the form");
  await page.screenshot({ path: screenshotPath("job-form-conflict.png"), fullPage: true });

  const after = await getJob(page.request, id);
  expect(after.version).toBe(2);
  expect(after.description).toBe("changed through the API");

  await conflict.getByRole("button", { name: "Reload latest" }).click();
  await expect(page.getByLabel("Description (optional)")).toHaveValue("changed through the API");
  await expect(page.getByText("Version 2.")).toBeVisible();
  await expect(page.getByTestId("job-conflict")).toHaveCount(0);
});

test("a task job gets fields from its task's payload schema; a bad value is named at its field", async ({ page }) => {
  await page.goto("/jobs/new");
  await page.getByLabel("Name", { exact: true }).fill("prune-weekly");
  await page.getByRole("tab", { name: "Task" }).click();
  const task = page.getByLabel("Task", { exact: true });
  await expect(task.locator("option", { hasText: "sundial.prune-runs" })).toHaveCount(1);
  await task.selectOption("sundial.prune-runs");
  await expect(page.getByText("Deletes finished runs")).toBeVisible();
  await expect(page.getByLabel("keepDays (optional)")).toBeVisible();
  await expect(page.getByLabel("keepRuns (optional)")).toBeVisible();
  await page.getByLabel("Preset").selectOption("weekly");
  await expect(page.getByLabel("Cron expression")).toHaveValue("0 9 * * 1");

  await page.getByLabel("keepDays (optional)").fill("0");
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(fieldOf(page, "job-payload-keepDays")).toContainText("keepDays must be at least 1");
  await expect(page.getByLabel("keepDays (optional)")).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: screenshotPath("job-form-task.png"), fullPage: true });

  await page.getByLabel("keepDays (optional)").fill("14");
  await expect(fieldOf(page, "job-payload-keepDays")).not.toContainText("keepDays must be at least 1");
  await page.getByRole("button", { name: "Create job" }).click();
  await page.waitForURL(JOB_PAGE);
  const job = await getJob(page.request, savedJobId(page));
  expect(job).toMatchObject({ kind: "task", config: { task: "sundial.prune-runs", payload: { keepDays: 14 } }, trigger: { type: "cron", expression: "0 9 * * 1" } });
});

test("a secret header left untouched on edit keeps its stored value; a duplicate asks for it again", async ({ page }) => {
  const { id } = await createViaApi(page.request, {
    name: "secret-header-job",
    kind: "http",
    config: {
      method: "POST",
      url: "https://example.com/secure",
      headers: [
        { name: "Authorization", value: "Bearer e2e-secret-value", secret: true },
        { name: "Accept", value: "application/json" },
      ],
    },
    trigger: { type: "interval", every: { hours: 2 }, start: "2026-01-01T00:00:00Z", timezone: "UTC" },
  });
  const storedConfig = async () => {
    const db = createDb(E2E_DATABASE_URL);
    try {
      return (await db.job.findUniqueOrThrow({ where: { id } })).config as { headers: { name: string; value: string }[] };
    } finally {
      await db.$disconnect();
    }
  };
  const sealedBefore = (await storedConfig()).headers[0]!.value;
  expect(sealedBefore).not.toContain("e2e-secret-value");

  await page.goto(`/jobs/${id}/edit`);
  const secretValue = page.getByLabel("header 1 value");
  await expect(secretValue).toHaveValue("");
  await expect(secretValue).toHaveAttribute("type", "password");
  await expect(secretValue).toHaveAttribute("placeholder", "Unchanged (type to replace)");
  await expect(page.getByLabel("header 2 value")).toHaveValue("application/json");
  await expect(page.getByLabel("every … hours")).toHaveValue("2");
  await page.getByLabel("Description (optional)").fill("rotated nothing");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.waitForURL(new RegExp(`/jobs/${id}$`));

  const job = await getJob(page.request, id);
  expect(job.version).toBe(2);
  expect(job.description).toBe("rotated nothing");
  expect(job.config.headers).toEqual([
    { name: "Authorization", value: null, secret: true, set: true },
    { name: "Accept", value: "application/json", secret: false },
  ]);
  expect((await storedConfig()).headers[0]!.value).toBe(sealedBefore);

  // A duplicate can't carry the secret: it says so, and saving without it is refused at the field.
  await page.goto(`/jobs/new?from=${id}`);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("secret-header-job (copy)");
  await expect(page.getByRole("status").filter({ hasText: "Secret values can't be copied" })).toContainText("Authorization");
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByText("Value: a secret needs a value")).toBeVisible();
  await page.getByLabel("header 1 value").fill("Bearer another-secret");
  await page.getByRole("button", { name: "Create job" }).click();
  await page.waitForURL(JOB_PAGE);
  const copy = await getJob(page.request, savedJobId(page));
  expect(copy).toMatchObject({ name: "secret-header-job (copy)", trigger: { type: "interval", every: { hours: 2 }, start: "2026-01-01T00:00:00.000Z" } });
  expect(copy.config.headers[0]).toEqual({ name: "Authorization", value: null, secret: true, set: true });
});

test("a viewer can't open the form", async ({ browser }) => {
  const viewer = { email: "vera.form-viewer@sundial.test", password: "viewer password 2" };
  const db = createDb(E2E_DATABASE_URL);
  try {
    await createUser(db, { name: "Vera Viewer", email: viewer.email, password: viewer.password, role: "viewer" }, ADMIN_ACTOR);
  } finally {
    await db.$disconnect();
  }
  const { context, page } = await signedInAs(browser, viewer);
  try {
    // The dashboard's treatment of a page a role can't see: not found (status 200, the layout has begun streaming).
    // Under /jobs/{id} the job page's own not-found answers, as for a job that doesn't exist.
    for (const [path, notFound] of [["/jobs/new", "This page could not be found."], ["/jobs/new?from=x", "This page could not be found."], ["/jobs/some-id/edit", "No such job"]] as const) {
      await page.goto(path);
      await expect(page.getByText(notFound), path).toBeVisible();
      await expect(page.getByRole("form"), path).toHaveCount(0);
    }
  } finally {
    await context.close();
  }
});

test("the form at a phone's width", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/jobs/new");
  await page.getByLabel("Cron expression").fill("*/15 * * * *");
  await expect(page.getByTestId("schedule-description")).toContainText("15 minutes");
  await page.screenshot({ path: screenshotPath("job-form-mobile.png"), fullPage: true });
  // Nothing in the form sticks out past the screen's edge.
  const sticking = await page.getByRole("form", { name: "New job" }).evaluate((form) =>
    [...form.querySelectorAll("*")]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      .map((element) => `${element.tagName.toLowerCase()}#${element.id}.${element.className}`.slice(0, 120)),
  );
  expect(sticking).toEqual([]);
});

test("an admin picks the job's own alert channels and sets its late-alert grace and retention", async ({ page }) => {
  const created = await page.request.post("/api/v1/alert-channels", { data: { name: "form-oncall", type: "webhook", config: { url: "https://hooks.example.com/oncall" } } });
  expect(created.status(), await created.text()).toBe(201);
  const channel = (await created.json()).data as { id: string };
  try {
    await page.goto("/jobs/new");
    await page.getByLabel("Name", { exact: true }).fill("alerted-report");
    await page.getByLabel("URL").fill("https://reports.example.com/alerted");
    await page.getByLabel("Cron expression").fill("0 6 * * *");
    await page.getByText("Advanced settings").click();
    // Tried: a grace under the 10 s minimum, answered at its field; nothing is saved.
    await page.getByLabel("Late alert after (seconds)").fill("5");
    await page.getByLabel("form-oncall").check();
    await page.getByLabel("Keep the last runs").fill("25");
    await page.getByRole("button", { name: "Create job" }).click();
    await expect(fieldOf(page, "job-start-grace")).toContainText("startGraceSeconds must be at least 10");
    await page.getByLabel("Late alert after (seconds)").fill("120");
    await page.getByRole("button", { name: "Create job" }).click();
    await page.waitForURL(JOB_PAGE);
    const job = await getJob(page.request, savedJobId(page));
    expect(job).toMatchObject({ name: "alerted-report", alertChannelIds: [channel.id], startGraceSeconds: 120, retentionRuns: 25, retentionDays: null });
    expect((await page.request.delete(`/api/v1/jobs/${job.id}`)).status()).toBe(200);
  } finally {
    expect((await page.request.delete(`/api/v1/alert-channels/${channel.id}`)).status()).toBe(200);
  }
});
