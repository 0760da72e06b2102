import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { createTestJob } from "../support/jobs";
import { expectNothingRunning } from "../support/runs-oracle";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";
import { eventually, startWorker, type WorkerProcess } from "../support/worker-process";

const FAST = { WORKER_POLL_MS: "100", WORKER_HEARTBEAT_SECONDS: "1", LOG_LEVEL: "warn" };

function soon(ms = 1500): string {
  return new Date(Date.now() + ms).toISOString();
}

function shellJob(name: string, config: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { name, kind: "shell", config, trigger: { type: "date", runAt: soon(), timezone: "UTC" }, ...extra };
}

async function finishedRun(db: Db, jobId: string) {
  return eventually(
    async () => (await db.run.findFirst({ where: { jobId, status: { notIn: ["queued", "running"] } }, include: { logs: { orderBy: { seq: "asc" } } } })) ?? undefined,
    30_000,
    "the run to finish",
  );
}

describe.each(providers)("shell jobs on %s", (provider) => {
  let t: TestDatabase;
  let worker: WorkerProcess | undefined;
  beforeAll(async () => {
    t = await freshDatabase(provider);
  });
  afterAll(async () => {
    worker?.child.kill("SIGKILL");
    await t?.drop();
  });

  it("stay queued while shell jobs are off (the default), and the worker says it cannot run them", async () => {
    const job = await createTestJob(t.db, shellJob("shell-off", { program: "/bin/echo", args: ["hi"] }, { trigger: { type: "date", runAt: soon(300), timezone: "UTC" } }));
    const off = startWorker(t.url, FAST);
    try {
      const row = await eventually(async () => (await t.db.worker.findFirst({ where: { pid: off.child.pid } })) ?? undefined, 30_000, "registration");
      expect(row.shellEnabled).toBe(false);
      await eventually(async () => ((await t.db.run.count({ where: { jobId: job.id } })) === 1 ? true : undefined), 10_000, "the slot to be enqueued");
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((await t.db.run.findFirstOrThrow({ where: { jobId: job.id } })).status).toBe("queued");
    } finally {
      off.child.kill("SIGTERM");
      expect(await off.exited).toBe(0);
    }
    // Clear the way for the tests below: this run would otherwise be picked up by the shell worker.
    await t.db.job.delete({ where: { id: job.id } });
  });

  it("run a program with its argument list, never through a shell, with the payload as data", async () => {
    worker = startWorker(t.url, { ...FAST, SUNDIAL_ALLOW_SHELL: "1" });
    const job = await createTestJob(
      t.db,
      shellJob("shell-echo", {
        program: process.execPath,
        args: ["-e", "console.log('payload=' + process.env.SUNDIAL_PAYLOAD); console.error('to stderr'); console.log(process.argv[1])", "$(touch /tmp/sundial-pwned) `id`"],
        env: [{ name: "GREETING", value: "hi" }],
      }),
    );
    const run = await finishedRun(t.db, job.id);
    expect(run.status).toBe("succeeded");
    expect(run.exitCode).toBe(0);
    const lines = run.logs.map((l) => `${l.stream}: ${l.text}`);
    expect(lines).toContain("stdout: payload=undefined");
    expect(lines).toContain("stderr: to stderr");
    // The hostile-looking argument arrived as one literal string: no shell ever saw it.
    expect(lines).toContain("stdout: $(touch /tmp/sundial-pwned) `id`");
    expect(run.outputSummary).toContain("$(touch /tmp/sundial-pwned) `id`");
  });

  it("record a non-zero exit as failed with the exit code (tried: exit 3)", async () => {
    const job = await createTestJob(t.db, shellJob("shell-exit", { program: "/bin/sh", args: ["-c", "echo before; exit 3"] }));
    const run = await finishedRun(t.db, job.id);
    expect(run).toMatchObject({ status: "failed", exitCode: 3, errorMessage: "/bin/sh exited with code 3" });
    expect(run.logs.map((l) => l.text)).toContain("before");
  });

  it("say so when the program does not exist (tried: /no/such/program)", async () => {
    const job = await createTestJob(t.db, shellJob("shell-missing", { program: "/no/such/program" }));
    const run = await finishedRun(t.db, job.id);
    expect(run.status).toBe("failed");
    expect(run.errorMessage).toBe("cannot start /no/such/program: spawn /no/such/program ENOENT");
  });

  it("kill the whole process group on timeout (a program that forks children and waits)", async () => {
    // A sleep length no other process uses, so pgrep finds exactly this job's processes.
    const seconds = `${30 + (Date.now() % 9)}.${process.pid}${providers.indexOf(provider)}`;
    const job = await createTestJob(
      t.db,
      shellJob("shell-timeout", { program: "/bin/sh", args: ["-c", `sleep ${seconds} & sleep ${seconds} & echo started; wait`] }, { timeoutSeconds: 1 }),
    );
    const run = await finishedRun(t.db, job.id);
    expect(run).toMatchObject({ status: "timed_out", reason: "timed out after 1 s" });
    // Both sleeping children are gone, not only the shell the worker spawned.
    const survivors = () => {
      try {
        return execFileSync("pgrep", ["-f", `sleep ${seconds}`]).toString().trim();
      } catch {
        return "";
      }
    };
    await eventually(async () => (survivors() === "" ? true : undefined), 10_000, "the process group to be gone");
    await expectNothingRunning(t.db);
  });
});
