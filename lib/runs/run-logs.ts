import type { Db, LogStream } from "../db";

export const RUN_LOG_MAX_BYTES = 1024 * 1024;

export type LogLine = { seq: number; at: Date; stream: LogStream; text: string };

/**
 * Appends a batch of output lines to a run's log. The worker holding the claim is the run's only
 * log writer, so it numbers the lines and keeps the byte count itself; the counters are written
 * first, fenced by the claim token like every write after the claim, and the lines only if that
 * write found the run still ours. Two statements, no interactive transaction: a chatty run must
 * not hold the connection (on SQLite, the whole process's) between them. Returns false when the
 * claim is gone.
 */
export async function appendRunLogs(
  db: Db,
  { runId, claimToken, lines, truncated }: { runId: string; claimToken: string; lines: LogLine[]; truncated: boolean },
): Promise<boolean> {
  const bytes = lines.reduce((sum, line) => sum + Buffer.byteLength(line.text), 0);
  const { count } = await db.run.updateMany({
    where: { id: runId, claimToken, status: "running" },
    data: { logLineCount: { increment: lines.length }, logBytes: { increment: bytes }, ...(truncated ? { logTruncated: true } : {}) },
  });
  if (count === 0) return false;
  if (lines.length > 0) await db.runLog.createMany({ data: lines.map((line) => ({ runId, ...line })) });
  return true;
}
