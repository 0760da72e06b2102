// Secrets of a job at rest and in flight, end to end: created through createJob, read back from the
// row as stored, shown through the DTO and the audit log, and used by real worker processes.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/jobs/actor";
import { createJob } from "@/lib/jobs/create-job";
import { deriveSealingKey } from "@/lib/secrets/sealing-key";
import { startRecorder } from "../support/recorder";
import { providers } from "../support/test-db";
import { eventually } from "../support/worker-process";
import { workerSuite } from "../support/worker-suite";

const FAST_WORKER = { WORKER_POLL_MS: "100", WORKER_HEARTBEAT_SECONDS: "1", LOG_LEVEL: "info" };
const APP_SECRET = "integration-test app secret, 32+ characters long";
const OTHER_SECRET = "a different deployment's secret, 32+ characters";
const TOKEN = "Bearer live_7Qm2-never-in-logs";

describe.each(providers)("job secrets on %s", (provider) => {
  const suite = workerSuite(provider, { ...FAST_WORKER, SUNDIAL_SECRET: APP_SECRET });

  /** A one-off job due in a second, created as the web server would with APP_SECRET. */
  function createSoon(name: string, kind: string, config: Record<string, unknown>) {
    const runAt = new Date(Date.now() + 1000).toISOString();
    return createJob(suite.t.db, { name, kind, config, trigger: { type: "date", runAt } }, SYSTEM_ACTOR, {
      now: new Date(),
      defaultTimezone: "UTC",
      sealingKey: deriveSealingKey(APP_SECRET),
    });
  }

  const finishedRun = (jobId: string) =>
    eventually(
      async () => (await suite.t.db.run.findFirst({ where: { jobId, status: { notIn: ["queued", "running"] } }, include: { logs: true } })) ?? undefined,
      20_000,
      "the run to finish",
    );

  it("stores a secret header sealed, shows it masked, and the worker sends the real value", async () => {
    const job = await createSoon("secret-header", "http", {
      method: "POST",
      url: `${suite.recorder.url}/hook`,
      headers: [
        { name: "Authorization", value: TOKEN, secret: true },
        { name: "X-Plain", value: "visible" },
      ],
    });

    expect(job.kind === "http" && job.config.headers).toEqual([
      { name: "Authorization", value: null, secret: true, set: true },
      { name: "X-Plain", value: "visible", secret: false },
    ]);
    const row = await suite.t.db.job.findUniqueOrThrow({ where: { id: job.id } });
    const stored = JSON.stringify(row.config);
    expect(stored).not.toContain("live_7Qm2");
    expect(stored).toMatch(/"value":"sdl-sealed:v1:[0-9a-f]{8}:[A-Za-z0-9_-]+"/);
    const audit = await suite.t.db.auditEvent.findFirstOrThrow({ where: { action: "job.create", targetId: job.id } });
    expect(JSON.stringify(audit.after)).not.toMatch(/live_7Qm2|sdl-sealed/);

    const worker = suite.pool.start();
    const run = await finishedRun(job.id);
    expect(run.status).toBe("succeeded");
    expect(suite.recorder.hits[0]!.headers.authorization).toBe(TOKEN);
    expect(suite.recorder.hits[0]!.headers["x-plain"]).toBe("visible");
    // Neither the run's log nor the worker's own log lines carry the value.
    expect(run.logs.map((line) => line.text).join("\n")).not.toContain("live_7Qm2");
    await suite.pool.stop(worker);
    expect(worker.output()).not.toContain("live_7Qm2");
  });

  it("sends a secret stored in plaintext before sealing existed as it is", async () => {
    const job = await createSoon("legacy-plaintext", "http", { method: "POST", url: `${suite.recorder.url}/legacy` });
    await suite.t.db.job.update({
      where: { id: job.id },
      data: { config: { method: "POST", url: `${suite.recorder.url}/legacy`, headers: [{ name: "Authorization", value: TOKEN, secret: true }] } },
    });
    suite.pool.start();
    expect((await finishedRun(job.id)).status).toBe("succeeded");
    expect(suite.recorder.hits[0]!.headers.authorization).toBe(TOKEN);
  });

  it("a worker with another secret fails the run, saying why, without sending or showing the value", async () => {
    const job = await createSoon("wrong-key", "http", {
      method: "POST",
      url: `${suite.recorder.url}/wrong-key`,
      headers: [{ name: "Authorization", value: TOKEN, secret: true }],
    });
    const worker = suite.pool.start({ SUNDIAL_SECRET: OTHER_SECRET });
    const run = await finishedRun(job.id);
    expect(run.status).toBe("failed");
    expect(run.errorMessage).toBe(
      `header Authorization was sealed with key ${deriveSealingKey(APP_SECRET).id}, but this process has key ${deriveSealingKey(OTHER_SECRET).id}: ` +
        "every web server and worker needs the same SUNDIAL_SECRET (or the same generated secret file)",
    );
    expect(suite.recorder.hits).toHaveLength(0);
    await suite.pool.stop(worker);
    expect(worker.output() + JSON.stringify(run)).not.toContain("live_7Qm2");
  });

  it("gives a shell job its secret variable in the environment, sealed at rest", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sundial-secret-env-"));
    try {
      const out = join(dir, "token");
      const job = await createSoon("secret-env", "shell", {
        program: "/bin/sh",
        args: ["-c", 'printf %s "$API_TOKEN" > "$OUT"'],
        env: [
          { name: "API_TOKEN", value: TOKEN, secret: true },
          { name: "OUT", value: out },
        ],
      });
      expect(JSON.stringify((await suite.t.db.job.findUniqueOrThrow({ where: { id: job.id } })).config)).not.toContain("live_7Qm2");
      suite.pool.start({ SUNDIAL_ALLOW_SHELL: "1" });
      const run = await finishedRun(job.id);
      expect(run.status, run.errorMessage ?? "").toBe("succeeded");
      expect(readFileSync(out, "utf8")).toBe(TOKEN);
      expect(run.logs.map((line) => line.text).join("\n")).not.toContain("live_7Qm2");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a secret header follows a redirect within its origin but not to another; a POST redirected with 302 becomes a GET without its body", async () => {
    // Two origins on 127.0.0.1 (two ports): the job's host redirects once within itself, then away.
    const elsewhere = await startRecorder();
    try {
      suite.recorder.respond((hit, response) => {
        response.statusCode = 302;
        response.setHeader("location", hit.path === "/start" ? "/same-origin" : `${elsewhere.url}/landed`);
        response.end();
      });
      const job = await createSoon("secret-redirect", "http", {
        method: "POST",
        url: `${suite.recorder.url}/start`,
        headers: [
          { name: "X-Api-Key", value: "key-never-elsewhere", secret: true },
          { name: "X-Plain", value: "visible" },
        ],
        body: '{"order": 42}',
      });
      const worker = suite.pool.start();
      const run = await finishedRun(job.id);
      await suite.pool.stop(worker);

      expect(run.status).toBe("succeeded");
      expect(suite.recorder.hits.map((hit) => [hit.path, hit.headers["x-api-key"], hit.body])).toEqual([
        ["/start", "key-never-elsewhere", '{"order": 42}'],
        ["/same-origin", "key-never-elsewhere", ""],
      ]);
      const landed = elsewhere.hits.map((hit) => ({ path: hit.path, key: hit.headers["x-api-key"], plain: hit.headers["x-plain"], body: hit.body, type: hit.headers["content-type"] }));
      expect(landed).toEqual([{ path: "/landed", key: undefined, plain: "visible", body: "", type: undefined }]);
      expect(run.logs.sort((a, b) => a.seq - b.seq).map((line) => line.text)).toEqual([
        `POST ${suite.recorder.url}/start`,
        `HTTP 302: redirected to GET ${suite.recorder.url}/same-origin`,
        `HTTP 302: redirected to GET ${elsewhere.url}/landed`,
        expect.stringMatching(/^HTTP 200 in \d+ ms$/),
      ]);
    } finally {
      await elsewhere.close();
    }
  });
});
