import type { Db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/jobs/actor";
import { createJob } from "@/lib/jobs/create-job";

/** Creates a job through the same service the API and the dashboard use. */
export function createTestJob(db: Db, input: Record<string, unknown>, now = new Date()) {
  return createJob(db, input, SYSTEM_ACTOR, { now, defaultTimezone: "UTC" });
}

/** An HTTP job calling the recorder every second. */
export function everySecondHttpJob(name: string, url: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    kind: "http",
    config: { method: "POST", url },
    trigger: { type: "cron", expression: "* * * * * *", timezone: "UTC" },
    ...extra,
  };
}
