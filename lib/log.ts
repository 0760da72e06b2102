// Structured logs (JSON lines on stdout) for the web server and the worker alike. Child loggers carry
// the ids an operator greps for: workerId, jobId, runId.
import pino, { type Logger } from "pino";
import { env } from "./env";

export type { Logger };

/** `destination` is stdout unless given (tests pass a stream to read the lines back). */
export function createLogger(component: "web" | "worker" | "cli", bindings: Record<string, unknown> = {}, destination?: pino.DestinationStream): Logger {
  const options = { level: env().LOG_LEVEL, base: { component, ...bindings }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}
