import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { expect } from "vitest";
import { ROOT } from "./run-node";

export type WorkerProcess = {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
};

/**
 * Starts a real worker process (`npm run worker`'s command) against a database. Its HTTP jobs may
 * call the tests' receivers on 127.0.0.1, which the address policy refuses by default.
 */
export function startWorker(databaseUrl: string, env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, ["scripts/worker.mjs"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "info", SUNDIAL_HTTP_ALLOW_HOSTS: "127.0.0.1", ...env },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Worker processes a test file starts against one database: `start` with per-test settings on top
 * of the file's defaults, `stop` with SIGTERM (asserting a clean exit), `killAll` in afterEach so a
 * failed test leaves nothing behind (a stopped process is resumed first, or SIGKILL would wait).
 */
export function workerPool(databaseUrl: () => string, defaults: Record<string, string>) {
  const workers: WorkerProcess[] = [];
  return {
    start(env: Record<string, string> = {}): WorkerProcess {
      const worker = startWorker(databaseUrl(), { ...defaults, ...env });
      workers.push(worker);
      return worker;
    },
    async stop(worker: WorkerProcess): Promise<void> {
      worker.child.kill("SIGTERM");
      expect(await worker.exited, worker.output()).toBe(0);
    },
    async killAll(): Promise<void> {
      for (const worker of workers.splice(0)) {
        if (worker.child.exitCode === null && worker.child.signalCode === null) {
          worker.child.kill("SIGCONT");
          worker.child.kill("SIGKILL");
        }
        await worker.exited;
      }
    },
  };
}
