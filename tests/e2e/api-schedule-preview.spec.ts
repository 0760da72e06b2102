import { expect } from "@playwright/test";
import { test } from "./hydrated";

const preview = "/api/v1/schedules/preview";

test("previews a cron schedule: plain words beside the engine's fire times, UTC and local", async ({ request }) => {
  const response = await request.post(preview, {
    data: { trigger: { type: "cron", expression: "30 2 * * *", timezone: "America/New_York" }, count: 3 },
  });
  expect(response.status()).toBe(200);
  const { data } = await response.json();
  expect(data.description).toContain("02:30");
  expect(data.description).toContain("America/New_York");
  expect(data.fireTimes).toHaveLength(3);
  for (const fire of data.fireTimes) {
    expect(fire.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/);
    expect(fire.local).toMatch(/^\d{4}-\d{2}-\d{2} (02:30|03:00):00 E[SD]T$/);
  }
  // Within the coming year, New York springs forward once: 02:30 does not exist that day.
  expect(data.dstNotes.some((note: { kind: string }) => note.kind === "shifted")).toBe(true);
});

test("describes in Simplified Chinese when asked", async ({ request }) => {
  const response = await request.post(preview, {
    data: { trigger: { type: "interval", every: { minutes: 15 }, start: "2026-01-01T00:00:00Z", timezone: "UTC" }, locale: "zh_CN" },
  });
  expect(response.status()).toBe(200);
  const { data } = await response.json();
  expect(data.description).toContain("15");
  expect(data.description).toMatch(/[\u4e00-\u9fff]/);
  expect(data.fireTimes).toHaveLength(5);
});

test("uses the configured default timezone when the trigger has none", async ({ request }) => {
  const response = await request.post(preview, { data: { trigger: { type: "cron", expression: "@daily" } } });
  expect(response.status()).toBe(200);
  expect((await response.json()).data.trigger.timezone).toBe("UTC");
});

test("bad triggers get field errors in the API's error shape", async ({ request }) => {
  // Tried: minute 75, an unknown zone, an interval of 0, an unknown trigger type.
  const cases: [unknown, string, string][] = [
    [{ type: "cron", expression: "75 * * * *", timezone: "UTC" }, "trigger.expression", "minute: 75 is outside 0–59"],
    [{ type: "cron", expression: "* * * * *", timezone: "Mars/Olympus" }, "trigger.timezone", 'unknown timezone "Mars/Olympus" (use an IANA name such as Europe/Berlin)'],
    [{ type: "interval", every: {}, start: "2026-01-01T00:00:00Z", timezone: "UTC" }, "trigger.every", "the interval must be longer than 0 seconds"],
    [{ type: "weekly" }, "trigger.type", "type must be one of cron, interval, date, calendar"],
  ];
  for (const [trigger, field, message] of cases) {
    const response = await request.post(preview, { data: { trigger } });
    expect(response.status(), JSON.stringify(trigger)).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe("validation");
    expect(body.error.details.fieldErrors[field]).toEqual([message]);
  }
});

test("bad requests: no trigger, a count out of range, broken JSON, an oversized body", async ({ request }) => {
  const missing = await request.post(preview, { data: { count: 3 } });
  expect(missing.status()).toBe(422);
  expect((await missing.json()).error.details.fieldErrors.trigger).toEqual(["trigger is required"]);

  const tooMany = await request.post(preview, { data: { trigger: { type: "cron", expression: "* * * * *" }, count: 1000 } });
  expect(tooMany.status()).toBe(422);
  expect((await tooMany.json()).error.details.fieldErrors.count).toEqual(["count must be at most 100"]);

  const broken = await request.post(preview, { headers: { "content-type": "application/json" }, data: Buffer.from("{not json") });
  expect(broken.status()).toBe(400);
  expect((await broken.json()).error.code).toBe("bad_request");

  const huge = await request.post(preview, { data: { trigger: { type: "cron", expression: "* * * * *" }, padding: "x".repeat(300_000) } });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error.code).toBe("payload_too_large");
});
