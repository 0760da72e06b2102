import { expect } from "@playwright/test";
import { test } from "./hydrated";
import { startRecorder, type Recorder } from "../support/recorder";

let recorder: Recorder;
test.beforeAll(async () => {
  recorder = await startRecorder();
});
test.afterAll(async () => {
  await recorder.close();
});

test("an admin creates a webhook channel, test-sends to a receiver and sees the deliveries", async ({ page, request }) => {
  await page.goto("/settings/alerts");
  await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
  await expect(page.getByText("No alert channels yet")).toBeVisible();
  await expect(page.getByText("Nothing sent yet")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("alerts-empty.png"), fullPage: true });

  // Bad input first: no URL, then a URL that is not http(s). Nothing is created; the errors are inline.
  await page.getByRole("button", { name: "New channel" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("ops-hook");
  await dialog.getByRole("button", { name: "Create channel" }).click();
  await expect(dialog.getByText("url is required")).toBeVisible();
  await dialog.getByLabel("Webhook URL").fill("ftp://example.test/hook");
  await dialog.getByRole("button", { name: "Create channel" }).click();
  await expect(dialog.getByText("url must be an http:// or https:// URL")).toBeVisible();

  await dialog.getByLabel("Webhook URL").fill(`${recorder.url}/hooks/sundial`);
  await dialog.getByLabel("Signing secret (optional)").fill("shared-secret");
  // Only jobs that pick it: the specs before this one made jobs fail, and a channel for all jobs got
  // their alerts too whenever the evaluator's next sweep came after it existed (CI, 2026-11-27).
  await dialog.getByRole("switch", { name: /^All jobs/ }).click();
  await expect(dialog.getByRole("switch", { name: /^All jobs/ })).not.toBeChecked();
  await page.screenshot({ path: test.info().outputPath("alerts-dialog.png") });
  await dialog.getByRole("button", { name: "Create channel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Channel "ops-hook" created')).toBeVisible();
  const row = page.getByTestId("channel-ops-hook");
  await expect(row).toContainText(`${recorder.url}/…`);
  await expect(row).toContainText("Selected jobs");

  await row.getByRole("button", { name: "Send a test alert to ops-hook" }).click();
  await expect(row.getByRole("status")).toHaveText("Test alert sent");
  expect(recorder.hits).toHaveLength(1);
  expect(recorder.hits[0]!.path).toBe("/hooks/sundial");
  expect(recorder.hits[0]!.headers["x-sundial-signature"]).toMatch(/^sha256=/);
  expect(JSON.parse(recorder.hits[0]!.body)).toMatchObject({ event: "test", title: "Test alert from Sundial" });

  const deliveries = page.getByRole("table", { name: "Alert deliveries" });
  await expect(deliveries.getByRole("row")).toHaveCount(2);
  await expect(deliveries.getByRole("row").nth(1)).toContainText("Test");
  await expect(deliveries.getByRole("row").nth(1)).toContainText("sent");

  // A receiver that refuses: the failure is reported on the row and listed, highlighted, with its error.
  recorder.respond((_, response) => {
    response.statusCode = 503;
    response.end("maintenance");
  });
  await row.getByRole("button", { name: "Send a test alert to ops-hook" }).click();
  await expect(row.getByRole("status")).toHaveText("Failed: HTTP 503: maintenance");
  const failed = deliveries.locator('tr[data-status="failed"]');
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText("HTTP 503: maintenance");
  await page.screenshot({ path: test.info().outputPath("alerts-deliveries.png"), fullPage: true });

  // Editing keeps the sealed URL when the field is left empty.
  await row.getByRole("button", { name: "Edit ops-hook" }).click();
  await expect(dialog.getByText(/Stored: http:\/\/127\.0\.0\.1:\d+\/… \(sealed\)/)).toBeVisible();
  await dialog.getByLabel("Name").fill("ops-webhook");
  await dialog.getByRole("button", { name: "Save channel" }).click();
  await expect(page.getByTestId("channel-ops-webhook")).toContainText(`${recorder.url}/…`);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath("alerts-mobile.png"), fullPage: true });

  // Its receiver closes with this spec, and the specs after it may pick channels.
  const { data: channels } = (await (await request.get("/api/v1/alert-channels")).json()) as { data: { id: string; name: string }[] };
  const channel = channels.find((c) => c.name === "ops-webhook")!;
  expect((await request.delete(`/api/v1/alert-channels/${channel.id}`)).status()).toBe(200);
});
