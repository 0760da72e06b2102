import { describe, expect, it } from "vitest";
import { CancelUnpaidOrderPayload, DailyReportPayload, PruneRunsPayload, TASK_CATALOG, TASK_NAMES, isTaskName, taskPayloadErrors } from "@/lib/tasks/catalog";

describe("the task catalog", () => {
  it("lists the built-in tasks, each with a one-line description", () => {
    expect(TASK_NAMES.toSorted()).toEqual(["example.cancel-unpaid-order", "sundial.daily-report", "sundial.prune-runs"]);
    for (const name of TASK_NAMES) expect(TASK_CATALOG[name].description).toMatch(/^[^\n]{10,200}$/);
    expect(isTaskName("sundial.prune-runs")).toBe(true);
    expect(isTaskName("toString")).toBe(false);
  });

  it("leaves tasks outside the catalog (billing.refund-everything) to the worker that offers them", () => {
    expect(taskPayloadErrors("billing.refund-everything", { anything: 1 })).toBeNull();
  });
});

describe("sundial.prune-runs payload", () => {
  it("accepts no payload (undefined, or null from a JSON column), either limit, or both", () => {
    expect(PruneRunsPayload.parse(undefined)).toEqual({});
    expect(PruneRunsPayload.parse(null)).toEqual({});
    expect(PruneRunsPayload.parse({ keepDays: 7 })).toEqual({ keepDays: 7 });
    expect(PruneRunsPayload.parse({ keepDays: 1, keepRuns: 1 })).toEqual({ keepDays: 1, keepRuns: 1 });
  });

  it.each([
    ["keepDays 0", { keepDays: 0 }, { keepDays: ["keepDays must be at least 1"] }],
    ["keepRuns -5", { keepRuns: -5 }, { keepRuns: ["keepRuns must be at least 1"] }],
    ["keepDays 1.5", { keepDays: 1.5 }, { keepDays: ["keepDays must be a whole number"] }],
    ["keepRuns \"10\" (a string)", { keepRuns: "10" }, { keepRuns: ["keepRuns must be a whole number"] }],
    ["the misspelt key keepDay", { keepDay: 3 }, { keepDay: ['unknown field "keepDay"'] }],
    ["a list instead of an object", [1], { _: ["the payload must be a JSON object"] }],
  ])("refuses %s, naming the field", (_, payload, errors) => {
    expect(taskPayloadErrors("sundial.prune-runs", payload)).toEqual(errors);
  });
});

describe("sundial.daily-report payload", () => {
  it("accepts no payload and a calendar day", () => {
    expect(DailyReportPayload.parse(undefined)).toEqual({});
    expect(DailyReportPayload.parse({ day: "2024-02-29" })).toEqual({ day: "2024-02-29" });
  });

  it.each([
    ["2026-02-30 (no such day)", "2026-02-30"],
    ["2025-02-29 (not a leap year)", "2025-02-29"],
    ["26-1-5 (not YYYY-MM-DD)", "26-1-5"],
    ["2026-01-15T00:00:00Z (an instant, not a day)", "2026-01-15T00:00:00Z"],
  ])("refuses day %s", (_, day) => {
    expect(taskPayloadErrors("sundial.daily-report", { day })).toEqual({ day: [`day must be a date as YYYY-MM-DD, got "${day}"`] });
  });

  it("refuses a day given as a number (20260115)", () => {
    expect(taskPayloadErrors("sundial.daily-report", { day: 20260115 })).toEqual({ day: ["day must be a date as YYYY-MM-DD"] });
  });
});

describe("example.cancel-unpaid-order payload", () => {
  it("accepts an orderId, with or without an http(s) callbackUrl", () => {
    expect(CancelUnpaidOrderPayload.parse({ orderId: "order-8812" })).toEqual({ orderId: "order-8812" });
    expect(CancelUnpaidOrderPayload.parse({ orderId: " order-8812 ", callbackUrl: "https://shop.example/orders/cancel" })).toEqual({
      orderId: "order-8812",
      callbackUrl: "https://shop.example/orders/cancel",
    });
  });

  it.each([
    ["no payload at all", undefined, { _: ["a payload with orderId is required"] }],
    ["null", null, { _: ["a payload with orderId is required"] }],
    ["a bare string order-8812", "order-8812", { _: ["the payload must be a JSON object"] }],
    ["a payload without orderId", { callbackUrl: "https://shop.example/cancel" }, { orderId: ["orderId is required"] }],
    ["a blank orderId", { orderId: "   " }, { orderId: ["orderId is required"] }],
    ["orderId 8812 (a number)", { orderId: 8812 }, { orderId: ["orderId is required"] }],
    ["callbackUrl ftp://shop.example/cancel", { orderId: "o-1", callbackUrl: "ftp://shop.example/cancel" }, { callbackUrl: ["callbackUrl must be an http:// or https:// URL"] }],
    ["callbackUrl \"not a url\"", { orderId: "o-1", callbackUrl: "not a url" }, { callbackUrl: ["callbackUrl must be an http:// or https:// URL"] }],
    ["the unknown field amount", { orderId: "o-1", amount: 5 }, { amount: ['unknown field "amount"'] }],
  ])("refuses %s, naming the field", (_, payload, errors) => {
    expect(taskPayloadErrors("example.cancel-unpaid-order", payload)).toEqual(errors);
  });
});
