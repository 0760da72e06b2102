// Collects a run's output lines and writes them in batches, so a chatty program costs one write per
// flush interval, not one per line. Lines past the per-run cap are dropped, with one line saying so.
import type { Db } from "@/lib/db";
import type { Logger } from "@/lib/log";
import { appendRunLogs, RUN_LOG_MAX_BYTES, type LogLine } from "@/lib/runs/run-logs";
import type { LogStream } from "./executors/types";

const FLUSH_INTERVAL_MS = 500;
const MAX_LINE_CHARS = 16_384;

export class RunLogBuffer {
  private lines: LogLine[] = [];
  private nextSeq = 1;
  private bytes = 0;
  private truncated = false;
  private truncationPending = false;
  private timer: ReturnType<typeof setInterval>;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly run: { runId: string; claimToken: string },
    private readonly log: Logger,
  ) {
    this.timer = setInterval(() => void this.flush(), FLUSH_INTERVAL_MS);
  }

  push(stream: LogStream, text: string): void {
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

  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.lines.length === 0) return;
      const batch = this.lines;
      const truncated = this.truncationPending;
      this.lines = [];
      this.truncationPending = false;
      try {
        await appendRunLogs(this.db, { ...this.run, lines: batch, truncated });
      } catch (error) {
        this.log.warn({ err: error, runId: this.run.runId, lines: batch.length }, "could not write run log lines");
      }
    });
    return this.flushing;
  }

  /**
   * Stops the periodic flush and hands over the lines not yet written, to be recorded with the run's
   * outcome in the same write (a short run's whole log then costs no write of its own).
   */
  async drain(): Promise<{ lines: LogLine[]; truncated: boolean }> {
    clearInterval(this.timer);
    await this.flushing;
    const rest = { lines: this.lines, truncated: this.truncationPending };
    this.lines = [];
    this.truncationPending = false;
    return rest;
  }
}
