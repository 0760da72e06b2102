import type { RunOutcome } from "@/lib/runs/run-outcome";

export type LogStream = "stdout" | "stderr" | "system";

/** What an executor gets besides its job's config: the run, an abort signal, a log sink, and when to start. */
export type ExecutionContext = {
  runId: string;
  jobId: string;
  jobName: string;
  attempt: number;
  scheduledFor: Date;
  payload: unknown;
  /** Aborted on timeout, on shutdown after the grace period, and when the lease is lost. */
  signal: AbortSignal;
  log: (stream: LogStream, text: string) => void;
  /**
   * Resolves when the run's time has come (it may have been claimed a moment ahead). An executor
   * prepares what it can (parses its config, renders its request), then awaits this, then acts:
   * preparation is then done before the slot, not in the burst of runs starting on it. The run's
   * start, lateness and timeout count from here. Rejects if the run was aborted while waiting.
   */
  due: () => Promise<void>;
};

/** An executor reports success or failure; being aborted is the caller's to classify. */
export type Executor = (config: unknown, context: ExecutionContext) => Promise<Omit<RunOutcome, "status"> & { status: "succeeded" | "failed" }>;
