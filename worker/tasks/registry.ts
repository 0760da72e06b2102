// The tasks this worker offers: each catalog name with its payload schema and its handler. The
// worker registers these names, so the dashboard offers only tasks some worker can run.
import type { z } from "zod";
import { TASK_CATALOG, type TaskName, type TaskPayload } from "@/lib/tasks/catalog";
import { cancelUnpaidOrderTask } from "./cancel-unpaid-order";
import { dailyReportTask } from "./daily-report";
import { pruneRunsTask } from "./prune-runs";
import type { TaskHandler } from "./task-handler";

export type RegisteredTask = { schema: z.ZodType; handler: TaskHandler };

/** A catalog task with its handler, typed by the catalog's payload schema. */
function fromCatalog<N extends TaskName>(name: N, handler: TaskHandler<TaskPayload<N>>): [string, RegisteredTask] {
  // The executor parses the payload with this schema before calling the handler.
  return [name, { schema: TASK_CATALOG[name].payload, handler: handler as TaskHandler }];
}

export const TASK_REGISTRY: ReadonlyMap<string, RegisteredTask> = new Map([
  fromCatalog("sundial.prune-runs", pruneRunsTask),
  fromCatalog("sundial.daily-report", dailyReportTask),
  fromCatalog("example.cancel-unpaid-order", cancelUnpaidOrderTask),
]);

/** The names this worker registers (Worker.tasks), sorted. */
export const REGISTERED_TASKS: string[] = [...TASK_REGISTRY.keys()].sort();
