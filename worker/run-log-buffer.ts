// Collects one run's output lines until the worker's log writer takes them. Lines past the per-run
// cap are dropped, with one line saying so.
import { RUN_LOG_MAX_BYTES, type LogLine } from "@/lib/runs/run-logs";
import type { LogStream } from "./executors/types";

const MAX_LINE_CHARS = 16_384;

export type RunLogBatch = { lines: LogLine[]; truncated: boolean };

export class RunLogBuffer {
  private lines: LogLine[] = [];
  private nextSeq = 1;
  private bytes = 0;
  private truncated = false;
  private truncationPending = false;
  /** When the oldest line not yet taken was pushed (performance.now()), or null when there is none. */
  private pendingFrom: number | null = null;

  constructor(readonly run: { runId: string; claimToken: string }) {}

  push(stream: LogStream, text: string): void {
    this.pendingFrom ??= performance.now();
    for (const raw of text.replace(/\r?\n$/, "").split(/\r?\n/)) {
      if (this.truncated) return;
      const line = raw.length > MAX_LINE_CHARS ? `${raw.slice(0, MAX_LINE_CHARS)}…` : raw;
      const size = Buffer.byteLength(line);
      if (this.bytes + size > RUN_LOG_MAX_BYTES) {
        this.truncated = true;
        this.truncationPending = true;
        this.lines.push({ seq: this.nextSeq++, at: new Date(), stream: "system", text: `log truncated: this run's log reached ${RUN_LOG_MAX_BYTES} bytes` });
        return;
      }
      this.bytes += size;
      this.lines.push({ seq: this.nextSeq++, at: new Date(), stream, text: line });
    }
  }

  /** How long the oldest line not yet taken has waited, in ms; null when there is none. */
  pendingForMs(now = performance.now()): number | null {
    return this.lines.length > 0 && this.pendingFrom !== null ? now - this.pendingFrom : null;
  }

  /** Hands over the lines not yet written, and whether the truncation note is among them. */
  take(): RunLogBatch {
    const batch = { lines: this.lines, truncated: this.truncationPending };
    this.lines = [];
    this.truncationPending = false;
    this.pendingFrom = null;
    return batch;
  }
}
