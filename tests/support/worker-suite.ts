// The lifecycle the worker test files share: a fresh database for the file, a recorder per test,
// and after each test every worker killed, the recorder closed and the jobs deleted (so jobs of one
// test never come due under the next test's workers).
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import type { DbProvider } from "@/lib/db";
import { startRecorder, type Recorder } from "./recorder";
import { freshDatabase, type TestDatabase } from "./test-db";
import { workerPool } from "./worker-process";

export type WorkerSuite = { t: TestDatabase; recorder: Recorder; pool: ReturnType<typeof workerPool> };

export function workerSuite(provider: DbProvider, workerDefaults: Record<string, string>): WorkerSuite {
  // Filled by the hooks below before any test runs.
  const suite = { t: undefined, recorder: undefined } as unknown as WorkerSuite;
  suite.pool = workerPool(() => suite.t.url, workerDefaults);
  beforeAll(async () => {
    suite.t = await freshDatabase(provider);
  });
  afterAll(async () => {
    await suite.t?.drop();
  });
  beforeEach(async () => {
    suite.recorder = await startRecorder();
  });
  afterEach(async () => {
    await suite.pool.killAll();
    await suite.recorder.close();
    await suite.t.db.job.deleteMany();
  });
  return suite;
}
