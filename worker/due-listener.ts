// PostgreSQL only: a connection of its own that LISTENs for "something is due sooner" and wakes the
// loop. Lost connections are re-established with backoff; meanwhile the poll interval still applies,
// so a listener outage makes starts later, never missing.
import pg from "pg";
import type { Logger } from "@/lib/log";
import { DUE_CHANNEL } from "@/lib/runs/due-notifications";
import { sleep, whenAborted } from "@/lib/sleep";

const MAX_BACKOFF_MS = 30_000;

export async function listenForDue(databaseUrl: string, { wake, log, signal }: { wake: () => void; log: Logger; signal: AbortSignal }): Promise<void> {
  let failures = 0;
  let interrupted = false;
  while (!signal.aborted) {
    const client = new pg.Client({ connectionString: databaseUrl });
    const closed = new Promise<void>((resolve) => {
      client.on("error", (error) => {
        log.warn({ error: error.message }, "due listener connection lost");
        resolve();
      });
      client.on("end", () => resolve());
    });
    try {
      await client.connect();
      client.on("notification", () => wake());
      await client.query(`LISTEN ${DUE_CHANNEL}`);
      if (failures > 0 || interrupted) log.info("due listener connected again");
      failures = 0;
      interrupted = false;
      // Anything announced while the listener was down was not heard: look once now.
      wake();
      await Promise.race([closed, whenAborted(signal)]);
      interrupted = !signal.aborted;
    } catch (error) {
      failures += 1;
      log.warn({ error: error instanceof Error ? error.message : String(error), failures }, "due listener could not connect");
    } finally {
      await client.end().catch(() => undefined);
    }
    if (!signal.aborted) await sleep(Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(failures, 5)), signal);
  }
}
