// Collects the outcomes of runs as they finish and records them together: an outcome waits a few
// milliseconds for others to join it, and while one write is in flight, the outcomes that arrive
// meanwhile go in the next one. A busy worker writes hundreds per statement.
import type { Db } from "@/lib/db";
import { finishRuns, type FinishRequest, type FinishResult } from "@/lib/runs/finish-run";

type Pending = { request: FinishRequest; resolve: (result: FinishResult) => void; reject: (error: unknown) => void };

/** Enough for one statement's JSON to stay small; more waits for the next write. */
const MAX_BATCH = 500;
/**
 * How long the first outcome waits for company. Waiting only while a write was in flight was not
 * enough on SQLite: its writes complete synchronously, so nothing ever arrived meanwhile and a
 * worker finishing 400 runs a second made 400 transactions a second (measured).
 */
const GATHER_MS = 10;

export type OutcomeWriter = { record: (request: FinishRequest) => Promise<FinishResult> };

export function createOutcomeWriter(db: Db): OutcomeWriter {
  let pending: Pending[] = [];
  let writing = false;
  let gathering: ReturnType<typeof setTimeout> | null = null;

  async function writeOne(item: Pending): Promise<void> {
    try {
      item.resolve((await finishRuns(db, [item.request])).get(item.request.runId)!);
    } catch (error) {
      item.reject(error);
    }
  }

  async function writeBatch(batch: Pending[]): Promise<void> {
    try {
      const results = await finishRuns(db, batch.map((item) => item.request));
      for (const item of batch) item.resolve(results.get(item.request.runId)!);
    } catch {
      // One run whose outcome can't be written must not fail the others: alone, only it fails (and
      // its caller retries). A database that is down fails each, and each caller retries.
      for (const item of batch) await writeOne(item);
    }
  }

  async function drainQueue(): Promise<void> {
    writing = true;
    while (pending.length > 0) {
      const batch = pending.slice(0, MAX_BATCH);
      pending = pending.slice(batch.length);
      await (batch.length === 1 ? writeOne(batch[0]!) : writeBatch(batch));
    }
    writing = false;
  }

  return {
    record(request) {
      return new Promise<FinishResult>((resolve, reject) => {
        pending.push({ request, resolve, reject });
        if (writing || gathering) return;
        gathering = setTimeout(() => {
          gathering = null;
          void drainQueue();
        }, GATHER_MS);
      });
    },
  };
}
