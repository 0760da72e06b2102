// The key that signs session cookies. SUNDIAL_SECRET wins; without it, one is generated on first
// start and kept in a file beside the SQLite database, so `npm install && npm start` needs no setup.
// Several web servers (PostgreSQL) must share one key: there, SUNDIAL_SECRET must be set.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { sqlitePath } from "../db";
import { env, isPostgresUrl } from "../env";

/** Where a generated secret is kept: next to the SQLite file, or in ./data on PostgreSQL. */
export function secretFilePath(databaseUrl: string): string {
  const dir = isPostgresUrl(databaseUrl) ? "data" : dirname(sqlitePath(databaseUrl));
  return join(dir, "secret");
}

/** Reads the secret file, creating it (mode 0600) when missing; two processes racing read one secret. */
export function readOrCreateSecretFile(path: string): string {
  try {
    return readFileSync(path, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readFileSync(path, "utf8").trim();
}

export function resolveSecret(): string {
  const config = env();
  return config.SUNDIAL_SECRET ?? readOrCreateSecretFile(secretFilePath(config.DATABASE_URL));
}
