import type { RunOutcome } from "@/lib/runs/run-outcome";

export type LogStream = "stdout" | "stderr" | "system";

/** What an executor gets besides its job's config: the run, an abort signal and a log sink. */
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
};

/** An executor reports success or failure; being aborted is the caller's to classify. */
export type Executor = (config: unknown, context: ExecutionContext) => Promise<Omit<RunOutcome, "status"> & { status: "succeeded" | "failed" }>;
