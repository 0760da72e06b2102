// A PostgreSQL cluster of a test's own, on a free port of 127.0.0.1, made with Debian's
// postgresql-common wrappers (which run the server as the postgres user even when called as root),
// so a test can stop, restart and kill it without disturbing the server the other tests share.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { promisify } from "node:util";
import pg from "pg";
import { adminQuery, pgUrlFor } from "./postgres";
import { migrate } from "./run-node";

const run = promisify(execFile);

export type Connection = { applicationName: string; query: string };

export type PgCluster = {
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Stops the cluster and removes its data, configuration and log. */
  drop: () => Promise<void>;
  /** Creates a database and applies the migrations to it, as `scripts/migrate.mjs deploy` does. */
  migratedDatabase: (database: string) => Promise<string>;
  /** Terminates every connection to `database` (pg_terminate_backend); returns who each one was. */
  terminateConnections: (database: string) => Promise<Connection[]>;
};

/** The newest PostgreSQL installed (CI installs whatever Debian ships; these machines have 15). */
function newestVersion(): string {
  const versions = readdirSync("/usr/lib/postgresql").filter((entry) => /^\d+$/.test(entry));
  const newest = versions.sort((a, b) => Number(a) - Number(b)).at(-1);
  if (!newest) throw new Error("no PostgreSQL server under /usr/lib/postgresql");
  return newest;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitUntilReady(adminUrl: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await adminQuery(adminUrl, "SELECT 1");
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export async function createCluster(): Promise<PgCluster> {
  const version = newestVersion();
  const name = `sundial_${process.pid}_${randomBytes(3).toString("hex")}`;
  const port = await freePort();
  const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const ctl = (action: string) => run("pg_ctlcluster", ["--skip-systemctl-redirect", version, name, action]);
  await run("pg_createcluster", ["--start-conf=manual", version, name, "-p", String(port), "--", "--auth-host=trust", "--auth-local=trust"]);
  const cluster: PgCluster = {
    stop: async () => {
      await ctl("stop");
    },
    start: async () => {
      await ctl("start");
      await waitUntilReady(adminUrl);
    },
    drop: async () => {
      await run("pg_dropcluster", ["--stop", version, name]);
    },
    migratedDatabase: async (database) => {
      await adminQuery(adminUrl, `CREATE DATABASE ${database}`);
      const url = pgUrlFor(adminUrl, database);
      const result = await migrate(["deploy"], url);
      if (result.code !== 0) throw new Error(`migrating ${database} on cluster ${name} failed:\n${result.stderr}`);
      return url;
    },
    terminateConnections: async (database) => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        const { rows } = await client.query<Connection & { terminated: boolean }>(
          `SELECT application_name AS "applicationName", query, pg_terminate_backend(pid) AS terminated
           FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [database],
        );
        return rows.filter((row) => row.terminated).map(({ applicationName, query }) => ({ applicationName, query }));
      } finally {
        await client.end();
      }
    },
  };
  try {
    // In conf.d, not pg_createcluster's -o: it writes 127.0.0.1 unquoted (it takes it for a number),
    // which the server refuses. fsync off: a throwaway cluster on a shared machine.
    writeFileSync(`/etc/postgresql/${version}/${name}/conf.d/sundial-test.conf`, "listen_addresses = '127.0.0.1'\nfsync = off\n");
    await cluster.start();
  } catch (error) {
    await cluster.drop();
    throw error;
  }
  return cluster;
}
