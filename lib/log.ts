// Structured logs (JSON lines on stdout) for the web server and the worker alike. Child loggers carry
// the ids an operator greps for: workerId, jobId, runId.
import pino, { type Logger } from "pino";
import { env } from "./env";

export type { Logger };

export function createLogger(component: "web" | "worker" | "cli", bindings: Record<string, unknown> = {}): Logger {
  return pino({
    level: env().LOG_LEVEL,
    base: { component, ...bindings },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
