// The only place a Prisma client is built. Both generated clients come from the same models
// (prisma/postgres/schema.prisma is derived from prisma/schema.prisma), so the PostgreSQL client is
// handed out under the SQLite client's type: the rest of the code sees one `Db`.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma as SqliteNamespace, PrismaClient as SqliteClient } from "../generated/sqlite/client.ts";
import { PrismaClient as PgClient } from "../generated/pg/client.ts";
import { env, isPostgresUrl } from "./env";

export type Db = SqliteClient;
export type { Prisma, Job, Run, Worker } from "../generated/sqlite/client.ts";
export type DbProvider = "sqlite" | "postgresql";
export * from "../generated/sqlite/enums.ts";

/** Tagged templates for the few statements Prisma's query builder can't express (both clients accept them). */
export const { sql, join: sqlJoin } = SqliteNamespace;
export type Sql = ReturnType<typeof sql>;

/**
 * An instant as SQL of the column's type: SQLite stores instants as epoch milliseconds; on
 * PostgreSQL, a UTC `timestamp(3)` computed with exact arithmetic (no text parsing, no session zone).
 */
export function sqlInstant(provider: DbProvider, at: Date): Sql {
  return provider === "postgresql" ? sql`(TIMESTAMP '1970-01-01' + ${at.getTime()}::float8 * INTERVAL '1 millisecond')` : sql`${at.getTime()}`;
}

/**
 * An instant read by a raw query: Date on PostgreSQL; on SQLite the stored epoch milliseconds (a
 * column read directly or through MIN/MAX), or text where SQLite computed it.
 */
export function rawInstant(value: Date | number | bigint | string): Date {
  return value instanceof Date ? value : new Date(typeof value === "string" ? value : Number(value));
}

export function providerOf(url: string): DbProvider {
  return isPostgresUrl(url) ? "postgresql" : "sqlite";
}

export function sqlitePath(url: string): string {
  return url.replace(/^file:/, "");
}

// Prisma's defaults (2 s to get a connection, 5 s to run) fail a worker's short transactions when
// a busy machine or a few dozen concurrent runs make them queue; a slow commit is better than a
// claim or a finished run that is not recorded.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 30_000 };

/**
 * The adapter begins SQLite transactions DEFERRED. One that reads and then writes holds a snapshot
 * from its first read; if another process commits in between, its first write fails at once with
 * SQLITE_BUSY (waiting can't help: the snapshot is stale), which Prisma reports as "Operation has
 * timed out". Begun IMMEDIATE, a transaction takes the write lock first, waiting for it up to the
 * busy timeout, so it reads the latest commit and its writes can't fail that way.
 */
class SqliteAdapterBeginningImmediate extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    const { client } = adapter as unknown as { client: Database.Database };
    const prepare = client.prepare.bind(client);
    client.prepare = ((source: string) => prepare(source === "BEGIN" ? "BEGIN IMMEDIATE" : source)) as Database.Database["prepare"];
    return adapter;
  }
}

const providers = new WeakMap<object, DbProvider>();

/** Which database a client talks to (the two clients share one type). */
export function dbProvider(db: Db): DbProvider {
  return providers.get(db) ?? "sqlite";
}

export function createDb(url: string = env().DATABASE_URL): Db {
  if (isPostgresUrl(url)) {
    const db = new PgClient({ adapter: new PrismaPg({ connectionString: url }), transactionOptions: TRANSACTION_OPTIONS }) as unknown as Db;
    providers.set(db, "postgresql");
    return db;
  }
  const path = sqlitePath(url);
  if (path !== ":memory:") {
    mkdirSync(dirname(path), { recursive: true });
    // The web server and the workers share the file. WAL lets them read while one writes; it is a
    // property of the file, so setting it again on every start costs nothing.
    const setup = new Database(path, { timeout: 10_000 });
    setup.pragma("journal_mode = WAL");
    setup.close();
  }
  // Wait for another process's write lock instead of failing with SQLITE_BUSY at once. Instants are
  // stored as epoch milliseconds so that SQL which compares them (due runs, expired leases) compares
  // numbers, not text formats.
  const db = new SqliteClient({
    adapter: new SqliteAdapterBeginningImmediate({ url: path, timeout: 10_000 }, { timestampFormat: "unixepoch-ms" }),
    transactionOptions: TRANSACTION_OPTIONS,
  });
  // With the default (FULL) every commit waits for an fsync, about 6 ms on these disks, and a run
  // costs a few commits: a worker could start barely 50 runs a second. In WAL mode NORMAL syncs at
  // checkpoints only; the file stays consistent, and what an OS crash or power loss can take back
  // is the last commits (a claim, so a run may start again after such a crash). The pragma is per
  // connection, and the adapter opens exactly one: issued first, it runs before any other query.
  // A file that cannot be opened fails this and, more usefully, the caller's first query too.
  void db.$executeRawUnsafe("PRAGMA synchronous = NORMAL").catch(() => undefined);
  return db;
}

const globalForDb = globalThis as unknown as { __sundialDb?: Db };

/** The process-wide client (kept on globalThis so Next's dev reloads don't open a new pool each time). */
export function getDb(): Db {
  globalForDb.__sundialDb ??= createDb();
  return globalForDb.__sundialDb;
}

/**
 * One readable line for a database failure. Prisma's messages open with a code excerpt of the call
 * site; the cause ("Can't reach database server at 127.0.0.1:5432") is their last line.
 */
export function databaseErrorSummary(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const lines = error.message.split("\n").map((line) => line.trim()).filter(Boolean);
  const code = "code" in error && typeof error.code === "string" ? `${error.code}: ` : "";
  return `${code}${lines.at(-1) ?? error.name}`;
}
