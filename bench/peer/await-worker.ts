// Exits 0 once the worker process with --pid on this host has registered in --db (its Worker row
// exists and is not stopped); exits 1 after --timeout-s. Used by worker.mjs, in a process of its
// own so the database client is gone before the benchmark measures the worker's process tree.
import { hostname } from "node:os";
import { parseArgs } from "node:util";
import { createDb } from "../../lib/db";

const POLL_MS = 200;

const { values } = parseArgs({ options: { db: { type: "string" }, pid: { type: "string" }, "timeout-s": { type: "string", default: "120" } } });
if (!values.db || !values.pid) throw new Error("usage: await-worker.ts --db <DATABASE_URL> --pid <pid> [--timeout-s 120]");

const db = createDb(values.db);
const where = { host: hostname(), pid: Number(values.pid), stoppedAt: null };
const deadline = Date.now() + Number(values["timeout-s"]) * 1000;
let registered = false;
while (!registered && Date.now() < deadline) {
  registered = (await db.worker.count({ where })) > 0;
  if (!registered) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
}
await db.$disconnect();
process.exit(registered ? 0 : 1);
