// What a task handler is given and returns. Handlers are plain functions of their parsed payload;
// the task executor (worker/executors/task.ts) looks them up, validates, and records the outcome.
import type { Db } from "@/lib/db";

export type TaskContext = {
  /** The worker's database client. */
  db: Db;
  /** Appends a line (or several, split at newlines) to the run's log as the task's output. */
  log: (text: string) => void;
  /** Aborted on timeout, on shutdown after the grace period, and when the lease is lost: stop soon. */
  signal: AbortSignal;
  run: { id: string; jobId: string; scheduledFor: Date };
};

/** Resolves with a one-paragraph summary (the run's output); throws to fail the run with its message. */
export type TaskHandler<Payload = unknown> = (payload: Payload, ctx: TaskContext) => Promise<{ summary: string }>;
