// HTTP jobs can't be turned against the worker's host: the guarded dispatcher against real servers
// on this machine (by literal address in every spelling, by name, by a custom resolver, through a
// redirect), then a real worker process whose jobs are refused and recorded as failed.
//
// One machine stands in for "an allowed host that redirects to a forbidden one": Linux routes all
// of 127.0.0.0/8 to the loopback interface, so a server on 127.0.0.2 is allowed by listing
// 127.0.0.2 alone, while the target on 127.0.0.1 stays forbidden.
import type { LookupAddress } from "node:dns";
import { createServer, type ServerResponse } from "node:http";
import type { LookupFunction } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetch } from "undici";
import { parseAllowList } from "@/lib/net/address-policy";
import { guardedDispatcher } from "@/lib/net/guarded-dispatcher";
import { createTestJob } from "../support/jobs";
import { runNode } from "../support/run-node";
import { freshDatabase, type TestDatabase } from "../support/test-db";
import { eventually, startWorker } from "../support/worker-process";

type TestServer = { port: number; url: string; hits: string[]; close: () => Promise<void> };

/** A server on `host` that records each request's path and answers with `answer`. */
async function serve(host: string, answer: (path: string, response: ServerResponse) => void): Promise<TestServer> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? "/");
    answer(request.url ?? "/", response);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const REFUSAL_HINT = ": set SUNDIAL_HTTP_ALLOW_HOSTS to allow it";

/** A resolver that knows only `rebound.test` (at the given addresses); everything else is the system's. */
function resolverFor(addresses: string[]): LookupFunction {
  const answers: LookupAddress[] = addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  return (hostname, options, callback) => {
    if (hostname !== "rebound.test") throw new Error(`unexpected lookup of ${hostname}`);
    if (options.all) callback(null, answers);
    else callback(null, answers[0]!.address, answers[0]!.family);
  };
}

let target: TestServer;
let target6: TestServer;
let redirector: TestServer;

beforeAll(async () => {
  target = await serve("127.0.0.1", (_, response) => response.end("target"));
  target6 = await serve("::1", (_, response) => response.end("target6"));
  redirector = await serve("127.0.0.2", (path, response) => {
    const to: Record<string, string> = {
      "/to-loopback": `${target.url}/secret`,
      "/to-localhost": `http://localhost:${target.port}/secret`,
      "/to-metadata": "http://169.254.169.254/latest/meta-data/",
    };
    if (to[path]) response.writeHead(302, { location: to[path] }).end();
    else response.end("redirector");
  });
});

afterAll(async () => {
  await Promise.all([target?.close(), target6?.close(), redirector?.close()]);
});

/** What fetching `url` through a guarded dispatcher gives: "HTTP 200 <body>", or the refusal. */
async function outcome(url: string, allow: string, lookup?: LookupFunction): Promise<string> {
  const { allowList, problems } = parseAllowList(allow);
  expect(problems).toEqual([]);
  const dispatcher = guardedDispatcher({ pipelining: 0 }, { allowList, lookup });
  try {
    const response = await fetch(url, { dispatcher });
    return `HTTP ${response.status} ${await response.text()}`;
  } catch (error) {
    return error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
  } finally {
    await dispatcher.close();
  }
}

describe("the guarded dispatcher", () => {
  describe("with nothing allowed", () => {
    it.each([
      ["http://127.0.0.1:PORT/", "127.0.0.1 (loopback)"],
      ["http://[::1]:PORT/", "::1 (loopback)"],
      ["http://169.254.169.254/latest/meta-data/", "169.254.169.254 (cloud metadata)"],
      ["http://0x7f000001:PORT/", "127.0.0.1 (loopback)"],
      ["http://2130706433:PORT/", "127.0.0.1 (loopback)"],
      ["http://0177.0.0.1:PORT/", "127.0.0.1 (loopback)"],
      ["http://0.0.0.0:PORT/", "0.0.0.0 (unspecified)"],
      ["http://[::ffff:127.0.0.1]:PORT/", "::ffff:7f00:1 (loopback)"],
      ["http://[64:ff9b::127.0.0.1]:PORT/", "64:ff9b::7f00:1 (loopback)"],
      ["http://10.255.255.1:PORT/", "10.255.255.1 (private)"],
      ["http://[fe80::1]:PORT/", "fe80::1 (link-local)"],
    ])("refuses %s: %s", async (url, refused) => {
      expect(await outcome(url.replace("PORT", String(target.port)), "")).toBe(`refused to connect to ${refused}${REFUSAL_HINT}`);
      expect(target.hits).toEqual([]);
    });

    it("refuses a name that resolves to loopback (localhost) after the lookup, naming both", async () => {
      expect(await outcome(`http://localhost:${target.port}/`, "")).toMatch(/^refused to connect to localhost at (127\.0\.0\.1|::1) \(loopback\)/);
      expect(target.hits).toEqual([]);
    });

    it("refuses a name a resolver answers with loopback (as a rebinding DNS server would)", async () => {
      expect(await outcome(`http://rebound.test:${target.port}/`, "", resolverFor(["127.0.0.1"]))).toBe(
        `refused to connect to rebound.test at 127.0.0.1 (loopback)${REFUSAL_HINT}`,
      );
      expect(target.hits).toEqual([]);
    });
  });

  describe("redirects", () => {
    it.each([
      ["/to-loopback", "127.0.0.1 (loopback)"],
      ["/to-localhost", "localhost at 127.0.0.1 (loopback)"],
      ["/to-metadata", "169.254.169.254 (cloud metadata)"],
    ])("from an allowed host (127.0.0.2) %s are refused where they lead: %s", async (path, refused) => {
      redirector.hits.length = 0;
      expect(await outcome(`${redirector.url}${path}`, "127.0.0.2")).toBe(`refused to connect to ${refused}${REFUSAL_HINT}`);
      expect(redirector.hits).toEqual([path]);
      expect(target.hits).toEqual([]);
    });

    it("are followed to a destination that is allowed too", async () => {
      expect(await outcome(`${redirector.url}/to-loopback`, "127.0.0.0/8")).toBe("HTTP 200 target");
      expect(target.hits.splice(0)).toEqual(["/secret"]);
    });
  });

  describe("with SUNDIAL_HTTP_ALLOW_HOSTS", () => {
    it.each([
      ["http://127.0.0.1:PORT/", "127.0.0.1"],
      ["http://0x7f000001:PORT/", "127.0.0.1"],
      ["http://2130706433:PORT/", "127.0.0.1"],
      ["http://[::ffff:127.0.0.1]:PORT/", "127.0.0.1"],
      ["http://0.0.0.0:PORT/", "0.0.0.0"],
      ["http://127.0.0.1:PORT/", "127.0.0.0/8"],
      ["http://localhost:PORT/", "localhost"],
      ["http://localhost:PORT/", "127.0.0.1, ::1"],
    ])("%s is reached when it allows %s", async (url, allow) => {
      expect(await outcome(url.replace("PORT", String(target.port)), allow)).toBe("HTTP 200 target");
      expect(target.hits.splice(0)).toEqual(["/"]);
    });

    it("[::1] is reached when it allows ::1/128", async () => {
      expect(await outcome(`${target6.url}/`, "::1/128")).toBe("HTTP 200 target6");
    });

    it("a name is reached when it allows the name, whatever it resolves to", async () => {
      expect(await outcome(`http://rebound.test:${target.port}/`, "rebound.test", resolverFor(["127.0.0.1"]))).toBe("HTTP 200 target");
      expect(target.hits.splice(0)).toEqual(["/"]);
    });

    it("of a name's addresses, only the allowed ones are connected to", async () => {
      redirector.hits.length = 0;
      expect(await outcome(`http://rebound.test:${redirector.port}/`, "127.0.0.2", resolverFor(["127.0.0.1", "127.0.0.2"]))).toBe("HTTP 200 redirector");
      expect(redirector.hits).toEqual(["/"]);
      expect(target.hits).toEqual([]);
    });
  });
});

describe("a worker process", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase("sqlite");
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("with only 127.0.0.2 allowed: fails the HTTP jobs and the task callback that reach loopback, runs the allowed one", async () => {
    // Due once the four are created and the worker has started.
    const runAt = new Date(Date.now() + 3000).toISOString();
    const oneOff = (name: string, kind: string, config: Record<string, unknown>) =>
      createTestJob(t.db, { name, kind, config, trigger: { type: "date", runAt } });
    const jobs = {
      direct: await oneOff("direct", "http", { method: "POST", url: `${target.url}/internal` }),
      redirected: await oneOff("redirected", "http", { method: "GET", url: `${redirector.url}/to-loopback` }),
      callback: await oneOff("callback", "task", {
        task: "example.cancel-unpaid-order",
        payload: { orderId: "order-1", callbackUrl: `http://localhost:${target.port}/orders/cancel` },
      }),
      allowed: await oneOff("allowed", "http", { method: "GET", url: `${redirector.url}/` }),
    };
    redirector.hits.length = 0;
    const worker = startWorker(t.url, { SUNDIAL_HTTP_ALLOW_HOSTS: "127.0.0.2", WORKER_POLL_MS: "100", WORKER_HEARTBEAT_SECONDS: "1" });
    try {
      const finished = await eventually(async () => {
        // Only these jobs' runs: the worker's built-in prune job runs at 03:17 UTC.
        const runs = await t.db.run.findMany({ where: { status: { notIn: ["queued", "running"] }, jobId: { in: Object.values(jobs).map((job) => job.id) } } });
        return runs.length === 4 ? new Map(runs.map((run) => [run.jobId, run])) : undefined;
      }, 20_000, "the four runs to finish");
      worker.child.kill("SIGTERM");
      expect(await worker.exited, worker.output()).toBe(0);

      const loopback = `request failed: refused to connect to 127.0.0.1 (loopback)${REFUSAL_HINT}`;
      expect(finished.get(jobs.direct.id)).toMatchObject({ status: "failed", errorMessage: loopback });
      expect(finished.get(jobs.redirected.id)).toMatchObject({ status: "failed", errorMessage: loopback });
      expect(finished.get(jobs.callback.id)).toMatchObject({
        status: "failed",
        errorMessage: `fetch failed: refused to connect to localhost at 127.0.0.1 (loopback)${REFUSAL_HINT}`,
      });
      expect(finished.get(jobs.allowed.id)).toMatchObject({ status: "succeeded", httpStatus: 200, outputSummary: "redirector" });
      const directLog = await t.db.runLog.findMany({ where: { runId: finished.get(jobs.direct.id)!.id }, orderBy: { seq: "asc" } });
      expect(directLog.map((line) => [line.stream, line.text])).toContainEqual(["system", loopback]);
      expect(target.hits).toEqual([]);
      expect(redirector.hits.sort()).toEqual(["/", "/to-loopback"]);
    } finally {
      worker.child.kill("SIGKILL");
    }
  });

  it("stops at start with one line naming a malformed SUNDIAL_HTTP_ALLOW_HOSTS entry", async () => {
    const result = await runNode(["scripts/worker.mjs"], { DATABASE_URL: t.url, SUNDIAL_HTTP_ALLOW_HOSTS: "127.0.0.1, 10.0.0.0/33" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'sundial worker: Invalid configuration: SUNDIAL_HTTP_ALLOW_HOSTS has a bad entry "10.0.0.0/33": the prefix length must be a whole number from 0 to 32',
    );
  });
});
