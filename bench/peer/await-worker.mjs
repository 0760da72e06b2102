// Exits 0 once the worker process with --pid on this host has registered in --db (its Worker row
// exists and is not stopped); exits 1 after --timeout-s. Used by worker.mjs, in a process of its
// own so the database client is gone before the benchmark measures the worker's process tree.
// Plain JavaScript on the drivers themselves: it runs while the worker starts (after a restart
// too), and compiling TypeScript and loading Prisma beside it took CPU the worker's start needed.
import { hostname } from "node:os";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";

const POLL_MS = 200;

const { values } = parseArgs({ options: { db: { type: "string" }, pid: { type: "string" }, "timeout-s": { type: "string", default: "120" } } });
if (!values.db || !values.pid) throw new Error("usage: await-worker.mjs --db <DATABASE_URL> --pid <pid> [--timeout-s 120]");

const QUERY = `SELECT COUNT(*) AS n FROM "Worker" WHERE "host" = $1 AND "pid" = $2 AND "stoppedAt" IS NULL`;
const params = [hostname(), Number(values.pid)];

/** Counts the worker's live rows: 0 until it has registered. */
async function openCounter(url) {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return { count: async () => Number((await client.query(QUERY, params)).rows[0].n), close: () => client.end() };
  }
  const db = new Database(url.replace(/^file:/, ""), { readonly: true, timeout: 10_000 });
  const statement = db.prepare(QUERY.replace(/\$\d/g, "?"));
  return { count: async () => Number(statement.get(...params).n), close: async () => db.close() };
}

const counter = await openCounter(values.db);
const deadline = Date.now() + Number(values["timeout-s"]) * 1000;
let registered = false;
while (!registered && Date.now() < deadline) {
  registered = (await counter.count()) > 0;
  if (!registered) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
}
await counter.close();
process.exit(registered ? 0 : 1);
