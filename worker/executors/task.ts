// Task jobs: a named handler from the worker's registry, run with its payload (the run's own, else
// the job's default) once the task's schema has accepted it.
import type { Db } from "@/lib/db";
import { payloadFieldErrors } from "@/lib/tasks/catalog";
import { describeFieldErrors } from "@/lib/validation/field-errors";
import { readConfig, TaskJobConfig } from "@/lib/validation/job-config";
import { TASK_REGISTRY, type RegisteredTask } from "../tasks/registry";
import type { Executor } from "./types";

/**
 * `db` is a getter because the worker builds its client after choosing its executors; it is called
 * only when a run starts. An unknown task or a payload its schema refuses fails the run with a
 * message saying what to fix; a handler that throws fails it with the error (and its stack).
 */
export function createTaskExecutor(db: () => Db, tasks: ReadonlyMap<string, RegisteredTask> = TASK_REGISTRY): Executor {
  return async (rawConfig, context) => {
    const config = readConfig(TaskJobConfig, rawConfig);
    if (!config.ok) return { status: "failed", errorMessage: `invalid task job configuration: ${config.problem}` };
    const name = config.config.task;
    const task = tasks.get(name);
    if (!task) {
      return { status: "failed", errorMessage: `no task named "${name}" on this worker; it offers: ${[...tasks.keys()].sort().join(", ")}` };
    }
    const payload = context.payload ?? config.config.payload;
    const parsed = task.schema.safeParse(payload);
    if (!parsed.success) {
      return { status: "failed", errorMessage: `invalid payload for task "${name}": ${describeFieldErrors(payloadFieldErrors(parsed.error), { prefix: "payload" })}` };
    }
    await context.due();
    context.log("system", `task ${name}`);
    const { summary } = await task.handler(parsed.data, {
      db: db(),
      log: (text) => context.log("stdout", text),
      signal: context.signal,
      run: { id: context.runId, jobId: context.jobId, scheduledFor: context.scheduledFor },
    });
    return { status: "succeeded", outputSummary: summary };
  };
}
