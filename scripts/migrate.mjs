#!/usr/bin/env node
// Sundial's migration tool: creates, applies, checks and reports Prisma migrations for SQLite and
// PostgreSQL without the network. Prisma's own `migrate` commands first download a native schema
// engine and fail offline, so this drives the same engine compiled to WebAssembly
// (@prisma/schema-engine-wasm) through Prisma's driver adapters. The migration layout and the
// `_prisma_migrations` table are the ones `prisma migrate` reads and writes. The recipe and its
// pitfalls (cited below as "pitfall N") are in /work/shared/toolchain.md, section 1c.
//
//   node scripts/migrate.mjs create <name> [--schema <path>]   new migration from the schema's changes
//   node scripts/migrate.mjs deploy [--schema <path>]          apply pending migrations
//   node scripts/migrate.mjs check  [--schema <path>]          do the migrations produce the schema?
//   node scripts/migrate.mjs status [--schema <path>]          is the database up to date?
//
// DATABASE_URL (or .env) picks the database and the schema: file:... → SQLite, prisma/schema.prisma;
// postgres(ql)://... → PostgreSQL, prisma/postgres/schema.prisma. --schema overrides the schema;
// migrations always live in <schema dir>/migrations.
//
// Exit codes: 0 ok; 1 error (one line on stderr; DEBUG=1 adds the stack); 2 drift (check);
// 3 pending, edited, failed or unknown migrations (status).
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import dotenv from "dotenv";
import pg from "pg";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SQLITE_SCHEMA = join(ROOT, "prisma/schema.prisma");
const POSTGRES_SCHEMA = join(ROOT, "prisma/postgres/schema.prisma");
const DEFAULT_DATABASE_URL = "file:./data/sundial.db"; // same default as lib/env.ts

const EXIT = { ok: 0, error: 1, drift: 2, notUpToDate: 3 };
const DEBUG = process.env.DEBUG === "1";
const NO_FILTERS = { externalTables: [], externalEnums: [] };
const SHADOW_DB_PREFIX = "prisma_migrate_shadow_db_";
const PG_CHAR_OID = 18; // pg_catalog "char"
const PG_TEXT_OID = 25;

const USAGE = `Usage: node scripts/migrate.mjs <create <name> | deploy | check | status> [--schema <path>]`;

/** An expected failure: printed as one line, exit 1, no stack trace. */
class UserError extends Error {}

// ---------------------------------------------------------------------------------------------
// Command line and target
// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const positional = [];
  let schema;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--schema") {
      schema = argv[++i];
      if (!schema) throw new UserError("--schema needs a path");
    } else if (arg.startsWith("--schema=")) {
      schema = arg.slice("--schema=".length);
    } else if (arg === "-h" || arg === "--help") {
      return { command: "help" };
    } else if (arg.startsWith("-")) {
      throw new UserError(`Unknown option ${arg}. ${USAGE}`);
    } else {
      positional.push(arg);
    }
  }
  const [command, ...rest] = positional;
  if (!["create", "deploy", "check", "status"].includes(command)) {
    throw new UserError(command ? `Unknown command "${command}". ${USAGE}` : USAGE);
  }
  if (command === "create" && rest.length !== 1) throw new UserError("Usage: node scripts/migrate.mjs create <name>");
  if (command !== "create" && rest.length > 0) throw new UserError(`Unexpected argument "${rest[0]}". ${USAGE}`);
  return { command, name: rest[0], schema };
}

/** Works out the provider, database, schema file and migrations directory for this run. */
function resolveTarget(databaseUrl, schemaOverride) {
  const url = databaseUrl || DEFAULT_DATABASE_URL; // empty counts as unset, as in lib/env.ts
  let provider;
  if (/^postgres(ql)?:\/\//.test(url)) provider = "postgresql";
  else if (url.startsWith("file:") && url.length > "file:".length) provider = "sqlite";
  else throw new UserError(`DATABASE_URL must be a file: URL (SQLite) or a postgresql:// URL, got "${url}"`);

  const schemaPath = schemaOverride
    ? resolve(schemaOverride)
    : provider === "sqlite"
      ? SQLITE_SCHEMA
      : derivedPostgresSchema();
  if (!existsSync(schemaPath)) throw new UserError(`Schema file not found: ${schemaPath}`);
  const schemaText = readFileSync(schemaPath, "utf8");
  const schemaProvider = /datasource\s+\w+\s*\{[^}]*?provider\s*=\s*"([^"]+)"/.exec(schemaText)?.[1];
  if (schemaProvider !== provider) {
    throw new UserError(
      `${displayPath(schemaPath)} uses provider "${schemaProvider ?? "?"}" but DATABASE_URL is a ${provider} URL`,
    );
  }
  const target = { provider, url, schemaPath, schemaText, migrationsDir: join(dirname(schemaPath), "migrations") };
  if (provider === "sqlite") target.sqliteFile = resolve(url.replace(/^file:/, "")); // as lib/db.ts reads it
  else target.pg = describePostgresUrl(url);
  return target;
}

/**
 * prisma/postgres/schema.prisma is generated (and git-ignored): re-derive it when it is missing or
 * older than prisma/schema.prisma, so PostgreSQL migrations never come from a stale copy.
 */
function derivedPostgresSchema() {
  const stale = !existsSync(POSTGRES_SCHEMA) || statSync(POSTGRES_SCHEMA).mtimeMs < statSync(SQLITE_SCHEMA).mtimeMs;
  if (stale) {
    const result = spawnSync(process.execPath, [join(ROOT, "scripts/pg-schema.mjs")], { encoding: "utf8" });
    if (result.status !== 0) throw new UserError(result.stderr.trim() || "scripts/pg-schema.mjs failed");
  }
  return POSTGRES_SCHEMA;
}

function describePostgresUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserError(`DATABASE_URL is not a valid URL: "${url}"`);
  }
  const database = decodeURIComponent(parsed.pathname.slice(1)) || decodeURIComponent(parsed.username) || "postgres";
  return { url, database, where: `${parsed.hostname || "localhost"}:${parsed.port || 5432}` };
}

/** The same connection URL pointed at another database on the same server (keeps user, TLS, ...). */
function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function displayPath(path) {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") ? rel : path;
}

// ---------------------------------------------------------------------------------------------
// Migrations directory
// ---------------------------------------------------------------------------------------------

function lockFileText(provider) {
  // Byte for byte what `prisma migrate dev` writes.
  return [
    "# Please do not edit this file manually",
    "# It should be added in your version-control system (e.g., Git)",
    `provider = "${provider}"`,
    "",
  ].join("\n");
}

/** Reads the directory the way the Prisma CLI does: every subfolder, sorted, with its migration.sql. */
function readMigrations(target, { lockFallback = false } = {}) {
  const lockPath = join(target.migrationsDir, "migration_lock.toml");
  let lock = existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null;
  if (lock !== null) {
    const locked = /provider\s*=\s*"([^"]+)"/.exec(lock)?.[1];
    if (locked !== target.provider) {
      throw new UserError(
        `${displayPath(lockPath)} is for provider "${locked}" but the schema uses "${target.provider}"`,
      );
    }
  }
  // Without a lock file the engine cannot tell which connector the migrations are for (pitfall 1).
  if (lock === null && lockFallback) lock = lockFileText(target.provider);

  const names = existsSync(target.migrationsDir)
    ? readdirSync(target.migrationsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort((a, b) => a.localeCompare(b))
    : [];
  const migrationDirectories = names.map((name) => {
    const file = join(target.migrationsDir, name, "migration.sql");
    let content;
    try {
      content = { tag: "ok", value: readFileSync(file, "utf8") };
    } catch (error) {
      content = { tag: "error", value: error.message };
    }
    return { path: name, migrationFile: { path: "migration.sql", content } };
  });
  return {
    baseDir: target.migrationsDir,
    shadowDbInitScript: "",
    lockfile: { path: "migration_lock.toml", content: lock },
    migrationDirectories,
  };
}

function ensureLockFile(target) {
  const lockPath = join(target.migrationsDir, "migration_lock.toml");
  if (existsSync(lockPath)) return;
  mkdirSync(target.migrationsDir, { recursive: true });
  writeFileSync(lockPath, lockFileText(target.provider));
}

function migrationFolderName(name, now = new Date()) {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
  if (!slug) throw new UserError(`Migration name "${name}" has no letters or digits`);
  const timestamp = now.toISOString().replace(/\D/g, "").slice(0, 14); // UTC YYYYMMDDHHMMSS
  return `${timestamp}_${slug}`;
}

// ---------------------------------------------------------------------------------------------
// Database adapters
// ---------------------------------------------------------------------------------------------

/** Every adapter handed to the engine, so they can all be closed at the end (pitfall 6). */
const openAdapters = new Set();
/** PostgreSQL shadow databases not dropped yet: dropped before exit, whatever happens. */
const liveShadowDatabases = new Map(); // name → drop(), idempotent

function track(adapter) {
  adapter.dispose = once(adapter.dispose.bind(adapter));
  openAdapters.add(adapter);
  return adapter;
}

/**
 * better-sqlite3 runs one statement per prepare(); the engine replays migration scripts on the
 * shadow database through executeRaw and gets "more than one statement" (pitfall 2). Such scripts
 * go through executeScript (exec) instead.
 */
function acceptMultiStatementRaw(adapter) {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (!(error instanceof RangeError && /more than one statement/.test(error.message))) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  return adapter;
}

class SqliteAdapterFactory extends PrismaBetterSqlite3 {
  constructor(file) {
    // timeout: wait for the web server's or the worker's write lock instead of failing at once.
    super({ url: file, timeout: 10_000 }); // shadow: ":memory:" (the adapter's default)
  }
  async connect() {
    return track(acceptMultiStatementRaw(await super.connect()));
  }
  async connectToShadowDb() {
    return track(acceptMultiStatementRaw(await super.connectToShadowDb()));
  }
}

/**
 * Introspection reads pg_catalog columns of type "char", which the adapter cannot map ("Column type
 * 'char' could not be deserialized", pitfall 4). They hold plain text: report them as text. Done in
 * the Client so that pool queries and transaction connections are both covered.
 */
function charColumnsAsText(result) {
  for (const part of Array.isArray(result) ? result : [result]) {
    for (const field of part?.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  }
  return result;
}

class CharAsTextClient extends pg.Client {
  query(config, values, callback) {
    if (typeof values === "function") [values, callback] = [undefined, values];
    if (config && typeof config.submit === "function") return super.query(config, values, callback);
    if (callback) {
      const fixed = (error, result) => callback(error, error ? result : charColumnsAsText(result));
      return super.query(config, values, fixed);
    }
    return super.query(config, values).then(charColumnsAsText);
  }
}

function pgPoolConfig(url) {
  return { connectionString: url, Client: CharAsTextClient, connectionTimeoutMillis: 10_000 };
}

/**
 * Migration scripts are sent whole, as `prisma migrate` does; the adapter's own executeScript splits
 * on every ";" and so breaks on semicolons inside strings, comments or function bodies.
 */
function sendScriptsWhole(adapter) {
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

class PostgresAdapterFactory extends PrismaPg {
  /**
   * @param url       the database the engine works on (migrations, _prisma_migrations)
   * @param serverUrl a database that exists on the same server, for CREATE/DROP DATABASE
   */
  constructor(url, serverUrl) {
    super(pgPoolConfig(url));
    this.serverUrl = serverUrl;
  }
  async connect() {
    return track(sendScriptsWhole(await super.connect()));
  }
  /**
   * The adapter's own connectToShadowDb keeps `connectionString`, which beats `database`: the
   * "shadow" is the MAIN database, which it then tries to drop (pitfall 3). Here the shadow is a
   * fresh database reached through its own URL, dropped WITH (FORCE) once the engine lets go of it.
   */
  async connectToShadowDb() {
    const database = `${SHADOW_DB_PREFIX}${randomUUID().replaceAll("-", "_")}`;
    // Registered before CREATE DATABASE is sent, and the drop waits for it to finish: a Ctrl-C that
    // lands mid-CREATE still drops the database instead of racing it.
    const created = runOnServer(this.serverUrl, `CREATE DATABASE "${database}"`);
    const drop = once(async () => {
      await created.catch(() => {});
      await runOnServer(this.serverUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      liveShadowDatabases.delete(database);
    });
    liveShadowDatabases.set(database, drop);
    await created;
    const shadow = sendScriptsWhole(
      await new PrismaPg(pgPoolConfig(withDatabase(this.config.connectionString, database))).connect(),
    );
    const close = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      try {
        await close();
      } finally {
        await drop();
      }
    };
    return track(shadow);
  }
}

/** Wraps `fn` so that every call after the first returns the first call's promise. */
function once(fn) {
  let promise;
  return () => (promise ??= fn());
}

/** One statement on its own short-lived connection (CREATE/DROP DATABASE cannot share a transaction). */
async function runOnServer(url, sql) {
  if (/^DROP DATABASE/.test(sql) && !sql.includes(`"${SHADOW_DB_PREFIX}`)) {
    throw new Error(`Refusing to run ${sql}: only shadow databases are ever dropped`);
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Connects once to the target database before the engine does, for a clear error message and to
 * learn whether the database exists. Returns { exists } and throws UserError when unreachable.
 */
async function probePostgres(target) {
  const client = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    return { exists: true };
  } catch (error) {
    if (error.code === "3D000") return { exists: false }; // database does not exist
    throw new UserError(`Cannot connect to PostgreSQL at ${target.pg.where}: ${error.message || error.code}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Opens the SQLite file once before the engine does: the engine would only say "unable to open
 * database file", without the path. Creates the file and its directory when `create` is set.
 */
function probeSqlite(target, { create }) {
  try {
    if (create) mkdirSync(dirname(target.sqliteFile), { recursive: true });
    new Database(target.sqliteFile, { fileMustExist: !create }).close();
  } catch (error) {
    throw new UserError(`Cannot open SQLite database ${displayPath(target.sqliteFile)}: ${error.message}`);
  }
}

/** A database that exists on the server, to create shadow databases from when the target does not. */
function maintenanceUrl(target, targetExists) {
  return targetExists ? target.url : withDatabase(target.url, "postgres");
}

// ---------------------------------------------------------------------------------------------
// Schema engine
// ---------------------------------------------------------------------------------------------

let wasmReady;

/**
 * Instantiates the engine's WebAssembly by hand: the package's entry point imports the .wasm file
 * as an ES module, which plain Node cannot do without flags.
 */
async function loadWasm() {
  wasmReady ??= (async () => {
    const dir = dirname(fileURLToPath(import.meta.resolve("@prisma/schema-engine-wasm")));
    const bytes = readFileSync(join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": wasmBindings });
    wasmBindings.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
  })();
  return wasmReady;
}

/** Runs `work(engine)` with an engine bound to `factory`, then frees everything it opened. */
async function withEngine(target, factory, work) {
  await loadWasm();
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  let engine;
  try {
    engine = await wasmBindings.SchemaEngine.new(
      { datamodels: [[target.schemaPath, target.schemaText]] },
      (log) => DEBUG && console.error(`[schema-engine] ${log}`),
      bound,
    );
    return await work(engine);
  } catch (error) {
    throw explainEngineError(error, bound);
  } finally {
    engine?.free();
    await closeEverything();
  }
}

/**
 * Engine errors name JavaScript failures only as "External error id#N"; the real error waits in
 * the adapter's registry (pitfall 5). Returns an error whose message is the engine's message with
 * that cause filled in.
 */
function explainEngineError(error, bound) {
  if (error instanceof UserError) return error;
  const message = String(error?.message ?? error).replace(/External error id#(\d+)/g, (match, id) => {
    const cause = bound.errorRegistry.registeredErrors[Number(id)]?.error;
    return cause ? String(cause.message ?? cause) : match;
  });
  const explained = new UserError(withoutSpanTrace(message).trim());
  explained.cause = error;
  return explained;
}

/** Drops the engine's Rust span trace ("   0: sql_schema_connector::... at src/....rs:113"). */
function withoutSpanTrace(message) {
  const lines = message.split("\n");
  const traceStart = lines.findIndex((line) => /^\s*\d+: \w+::/.test(line));
  return (traceStart === -1 ? lines : lines.slice(0, traceStart)).join("\n");
}

async function closeEverything() {
  await Promise.allSettled([...openAdapters].map((adapter) => adapter.dispose()));
  await Promise.allSettled([...liveShadowDatabases.values()].map((drop) => drop()));
}

/** The engine for commands that only need a shadow database, never the target's data. */
async function shadowOnlyFactory(target) {
  if (target.provider === "sqlite") {
    // The engine may open its "main" connection too: an in-memory one, so no file is created.
    return new SqliteAdapterFactory(":memory:");
  }
  const { exists } = await probePostgres(target);
  const serverUrl = maintenanceUrl(target, exists);
  return new PostgresAdapterFactory(serverUrl, serverUrl);
}

/** The engine for commands that work on the target database. */
function targetFactory(target) {
  if (target.provider === "sqlite") return new SqliteAdapterFactory(target.sqliteFile);
  return new PostgresAdapterFactory(target.url, target.url);
}

/** diff(migrations → schema): { changed, sql }. Replays the migrations on a shadow database. */
async function diffMigrationsToSchema(engine, target, migrations) {
  const result = await engine.diff({
    from: { tag: "migrations", ...migrations },
    to: { tag: "schemaDatamodel", files: [{ path: target.schemaPath, content: target.schemaText }] },
    script: true,
    exitCode: true,
    filters: NO_FILTERS,
  });
  return { changed: result.exitCode === 2, sql: result.stdout ?? "" };
}

// ---------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------

async function create(target, name) {
  const folder = migrationFolderName(name);
  // The engine needs the lock file to know the connector (pitfall 1). createMigration() cannot get
  // a shadow database in WASM (pitfall 1 too), so the new migration is the diff from the existing
  // migrations to the schema.
  ensureLockFile(target);
  const migrations = readMigrations(target);
  const { changed, sql } = await withEngine(target, await shadowOnlyFactory(target), (engine) =>
    diffMigrationsToSchema(engine, target, migrations),
  );
  if (!changed) {
    console.log("No schema changes; no migration created.");
    return EXIT.ok;
  }
  const dir = join(target.migrationsDir, folder);
  if (existsSync(dir)) throw new UserError(`${displayPath(dir)} already exists`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "migration.sql"), sql);
  console.log(displayPath(dir));
  return EXIT.ok;
}

async function check(target) {
  const migrations = readMigrations(target, { lockFallback: true });
  const { changed, sql } = await withEngine(target, await shadowOnlyFactory(target), (engine) =>
    diffMigrationsToSchema(engine, target, migrations),
  );
  if (!changed) {
    console.log("Migrations match the schema");
    return EXIT.ok;
  }
  const [migrationsDir, schema] = [displayPath(target.migrationsDir), displayPath(target.schemaPath)];
  console.log(`Drift: the migrations in ${migrationsDir} do not produce ${schema}.`);
  console.log("Create a migration (node scripts/migrate.mjs create <name>). What is missing:\n");
  console.log(sql.trimEnd());
  return EXIT.drift;
}

/**
 * Whether every local migration is recorded as applied in the SQLite file, read without the engine.
 * The engine migrates SQLite with `locking_mode=EXCLUSIVE`, which it cannot get while a worker or
 * the dashboard has the file open: `npm start` beside running workers waited 10 s and failed with
 * "unknown variant `SocketTimeout`" even when there was nothing to apply.
 */
function sqliteIsUpToDate(target, migrations) {
  const db = new Database(target.sqliteFile, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return false;
    const rows = db.prepare("SELECT migration_name AS name, finished_at AS finished, rolled_back_at AS rolledBack FROM _prisma_migrations").all();
    if (rows.some((row) => row.finished === null && row.rolledBack === null)) return false;
    const applied = new Set(rows.filter((row) => row.finished !== null && row.rolledBack === null).map((row) => row.name));
    return migrations.migrationDirectories.every((dir) => applied.has(dir.path));
  } finally {
    db.close();
  }
}

/** The engine's SQLite error when another process holds the file (its busy timeout ran out). */
const isSqliteBusy = (error) => /SocketTimeout/.test(String(error?.message));

async function deploy(target) {
  const migrations = readMigrations(target, { lockFallback: true });
  if (target.provider === "sqlite") {
    probeSqlite(target, { create: true });
    if (sqliteIsUpToDate(target, migrations)) {
      console.log("Database is up to date");
      return EXIT.ok;
    }
  } else if (!(await probePostgres(target)).exists) {
    // As `prisma migrate deploy` does: a missing database is created, then migrated.
    const quoted = `"${target.pg.database.replaceAll('"', '""')}"`;
    await runOnServer(withDatabase(target.url, "postgres"), `CREATE DATABASE ${quoted}`);
    console.log(`Created database "${target.pg.database}"`);
  }
  const factory = targetFactory(target);
  const { appliedMigrationNames } = await withEngine(target, factory, (engine) =>
    engine.applyMigrations({ migrationsList: migrations, filters: NO_FILTERS }),
  ).catch(async (error) => {
    if (target.provider === "sqlite" && isSqliteBusy(error)) {
      throw new UserError(
        `Could not lock ${displayPath(target.sqliteFile)} to apply its pending migrations: another process (a worker or the dashboard) has it open. Stop them, run this again, then start them.`,
      );
    }
    throw await nameFailedMigration(error, factory);
  });
  for (const name of appliedMigrationNames) console.log(`Applied migration ${name}`);
  const count = appliedMigrationNames.length;
  console.log(count ? `Applied ${count} migration${count === 1 ? "" : "s"}` : "Database is up to date");
  return EXIT.ok;
}

/**
 * Through adapters the engine reports a failing migration with the database's error alone (e.g.
 * P1014 "The underlying table for model `nope` does not exist."), not which migration it was: the
 * one left unfinished in _prisma_migrations.
 */
async function nameFailedMigration(error, factory) {
  let failed = [];
  let adapter;
  try {
    adapter = await factory.connect();
    const sql = "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL";
    failed = (await adapter.queryRaw({ sql, args: [], argTypes: [] })).rows.map((row) => String(row[0]));
  } catch {
    // No connection, no table: the engine's message is all there is.
  } finally {
    await adapter?.dispose();
  }
  if (!failed.length || failed.some((name) => error.message.includes(name))) return error;
  const named = new UserError(`Migration ${failed.join(", ")} failed: ${error.message}`);
  named.cause = error.cause ?? error;
  return named;
}

async function status(target) {
  const migrations = readMigrations(target, { lockFallback: true });
  const local = migrations.migrationDirectories.map((dir) => dir.path);
  const factory = targetFactory(target);
  // diagnoseMigrationHistory throws when _prisma_migrations is missing (pitfall 7): a database that
  // does not exist yet or never saw a migration has all of them pending.
  const report =
    (await databaseExists(target)) && (await hasMigrationsTable(factory))
      ? await withEngine(target, factory, (engine) => diagnose(engine, migrations))
      : { pending: local, edited: [], failed: [], unknown: [] };
  return printStatus(target, local, report);
}

async function databaseExists(target) {
  if (target.provider === "sqlite") {
    if (!existsSync(target.sqliteFile)) return false;
    probeSqlite(target, { create: false });
    return true;
  }
  return (await probePostgres(target)).exists;
}

async function diagnose(engine, migrations) {
  const result = await engine.diagnoseMigrationHistory({
    migrationsList: migrations,
    optInToShadowDatabase: false,
    filters: NO_FILTERS,
  });
  const history = result.history ?? {};
  return {
    pending: history.unappliedMigrationNames ?? [],
    edited: result.editedMigrationNames,
    failed: result.failedMigrationNames,
    unknown: history.unpersistedMigrationNames ?? [],
  };
}

/** A zero-row query against the table: works the same on SQLite and PostgreSQL (search_path). */
async function hasMigrationsTable(factory) {
  const adapter = await factory.connect();
  try {
    await adapter.queryRaw({ sql: "SELECT 1 FROM _prisma_migrations WHERE 1 = 0", args: [], argTypes: [] });
    return true;
  } catch {
    return false;
  } finally {
    await adapter.dispose();
  }
}

function printStatus(target, local, { pending, edited, failed, unknown }) {
  const where = displayPath(target.migrationsDir);
  console.log(`${local.length} migration${local.length === 1 ? "" : "s"} in ${where}`);
  const sections = [
    ["Not yet applied", pending],
    ["Edited after being applied (checksum differs)", edited],
    ["Failed", failed],
    [`Applied to the database but missing from ${where}`, unknown],
  ];
  let problems = 0;
  for (const [title, names] of sections) {
    if (!names.length) continue;
    problems += names.length;
    console.log(`${title}:`);
    for (const name of names) console.log(`  ${name}`);
  }
  if (problems) return EXIT.notUpToDate;
  console.log("Database is up to date");
  return EXIT.ok;
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.command === "help") {
    console.log(USAGE);
    return EXIT.ok;
  }
  dotenv.config({ quiet: true }); // .env, as the worker reads it; real environment variables win
  const target = resolveTarget(process.env.DATABASE_URL, args.schema);
  switch (args.command) {
    case "create":
      return create(target, args.name);
    case "deploy":
      return deploy(target);
    case "check":
      return check(target);
    case "status":
      return status(target);
  }
}

function reportError(error) {
  if (DEBUG) console.error(error?.cause ?? error);
  const message = error instanceof UserError ? error.message : String(error?.message ?? error);
  // One line: the engine's messages span several (summary, then the database's own error).
  const oneLine = message
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .reduce((text, line) => (text ? `${text}${/[.:!?]$/.test(text) ? " " : ": "}${line}` : line), "");
  console.error(oneLine || "Unknown error");
}

// Ctrl-C during a PostgreSQL diff would leave the shadow database behind: drop it first.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    closeEverything().finally(() => process.exit(128 + (signal === "SIGINT" ? 2 : 15)));
  });
}

let exitCode;
try {
  exitCode = await main();
} catch (error) {
  reportError(error);
  exitCode = EXIT.error;
}
// Adapters are closed by now (pitfall 6); exiting explicitly also covers anything the engine or a
// driver left scheduled, so deploy in `npm start` never hangs.
process.exit(exitCode);
