import { spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sqlitePath } from "@/lib/db";
import { sleep } from "@/lib/sleep";
import { ROOT } from "../support/run-node";
import { freshDatabase, type TestDatabase } from "../support/test-db";
import { eventually } from "../support/worker-process";

// The web server and the workers are separate processes writing one SQLite file. This one opens it
// and, on each line it reads, pauses the job named in it.
const OTHER_PROCESS = `
  const Database = require("better-sqlite3");
  const db = new Database(process.argv[1], { timeout: 10000 });
  console.log("open");
  require("node:readline").createInterface({ input: process.stdin }).on("line", (id) => {
    db.prepare('UPDATE "Job" SET "paused" = 1 WHERE "id" = ?').run(id);
    console.log("wrote");
  });
`;

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase("sqlite");
});
afterAll(async () => {
  await t?.drop();
});

it("a transaction that reads and then writes is not refused when another process writes in between; that write waits for it", async () => {
  const job = await t.db.job.create({
    data: { name: "contended", kind: "http", config: { method: "GET", url: "https://example.com/" }, triggerType: "cron", trigger: { expression: "* * * * *" }, timezone: "UTC" },
  });
  const other = spawn(process.execPath, ["-e", OTHER_PROCESS, sqlitePath(t.url)], { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] });
  const output: string[] = [];
  other.stdout.on("data", (chunk: Buffer) => output.push(...chunk.toString().trim().split("\n")));
  try {
    await once(other.stdout, "data");
    expect(output).toEqual(["open"]);

    const readThenWrite = t.db.$transaction(async (tx) => {
      const before = await tx.job.findUniqueOrThrow({ where: { id: job.id } });
      other.stdin.write(`${job.id}\n`);
      // The other process writes meanwhile. Begun DEFERRED, this transaction's snapshot would now be
      // stale and its write below refused with SQLITE_BUSY ("Operation has timed out").
      await sleep(300);
      return tx.job.update({ where: { id: job.id }, data: { description: `saw paused=${before.paused}` } });
    });

    await expect(readThenWrite).resolves.toMatchObject({ description: "saw paused=false" });
    await eventually(async () => (output.includes("wrote") ? true : undefined), 10_000, "the other process's write");
    expect(output).toEqual(["open", "wrote"]);
    expect(await t.db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ description: "saw paused=false", paused: true });
  } finally {
    other.kill();
  }
});
