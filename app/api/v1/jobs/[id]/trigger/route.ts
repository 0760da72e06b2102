import { z } from "zod";
import { getDb } from "@/lib/db";
import { triggerJob } from "@/lib/jobs/trigger-job";
import type { RunDto } from "@/lib/runs/run-dto";
import { TriggerJobRequest } from "@/lib/validation/job-actions";
import { defineRoute } from "@/lib/web/define-route";
import { toResponse } from "@/lib/web/idempotency";

export const dynamic = "force-dynamic";

const created = (run: RunDto) => ({ status: 201, body: { data: run } });

export const POST = defineRoute(
  { permission: "jobs:write", query: z.object({}), body: TriggerJobRequest, idempotent: true },
  async ({ body, params, caller, idempotency }) => {
    const run = await triggerJob(getDb(), { id: params.id!, payload: body.payload, source: "api" }, caller.actor, {
      now: new Date(),
      afterWrite: idempotency?.storing(created),
    });
    return toResponse(created(run));
  },
);
