import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL, parseEnv } from "@/lib/env";
import { problemsOf } from "../support/env-problems";


describe("parseEnv", () => {
  it("gives working defaults for an empty environment", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe(DEFAULT_DATABASE_URL);
    expect(env.PORT).toBe(3000);
    expect(env.SUNDIAL_TIMEZONE).toBe("UTC");
    expect(env.SUNDIAL_ALLOW_SHELL).toBe(false);
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBe(DEFAULT_DATABASE_URL);
  });

  it("accepts SQLite and PostgreSQL URLs", () => {
    expect(parseEnv({ DATABASE_URL: "file:/var/lib/sundial/s.db" }).DATABASE_URL).toBe("file:/var/lib/sundial/s.db");
    expect(parseEnv({ DATABASE_URL: "postgresql://u@db:5432/sundial" }).DATABASE_URL).toBe("postgresql://u@db:5432/sundial");
    expect(parseEnv({ DATABASE_URL: "postgres://u@db/sundial" }).DATABASE_URL).toBe("postgres://u@db/sundial");
  });

  it("names a malformed DATABASE_URL", () => {
    expect(problemsOf({ DATABASE_URL: "mysql://localhost/x" })).toEqual([
      'DATABASE_URL must be a file: URL (SQLite) or a postgresql:// URL, got "mysql://localhost/x"',
    ]);
    expect(problemsOf({ DATABASE_URL: "file:" })).toEqual(['DATABASE_URL needs a path after "file:"']);
    expect(problemsOf({ DATABASE_URL: "postgresql://" })[0]).toMatch(/^DATABASE_URL /);
  });

  it("names an unknown timezone", () => {
    expect(problemsOf({ SUNDIAL_TIMEZONE: "Mars/Olympus" })).toEqual([
      'SUNDIAL_TIMEZONE is not a known IANA timezone: "Mars/Olympus"',
    ]);
  });

  it("names bad numbers and flags, all at once", () => {
    expect(problemsOf({ PORT: "eighty", WORKER_CONCURRENCY: "0", SUNDIAL_ALLOW_SHELL: "maybe" })).toEqual([
      'PORT must be a whole number, got "eighty"',
      'SUNDIAL_ALLOW_SHELL must be 1 or 0 (or true / false), got "maybe"',
      "WORKER_CONCURRENCY must be at least 1, got 0",
    ]);
    expect(problemsOf({ PORT: "70000" })).toEqual(["PORT must be at most 65535, got 70000"]);
    expect(parseEnv({ WORKER_CONCURRENCY: "10000" }).WORKER_CONCURRENCY).toBe(10_000);
    expect(problemsOf({ WORKER_CONCURRENCY: "10001" })).toEqual(["WORKER_CONCURRENCY must be at most 10000, got 10001"]);
    expect(problemsOf({ WORKER_HTTP_CONNECTIONS_PER_ORIGIN: "-1" })).toEqual(["WORKER_HTTP_CONNECTIONS_PER_ORIGIN must be at least 0, got -1"]);
    expect(parseEnv({}).WORKER_HTTP_CONNECTIONS_PER_ORIGIN).toBe(0);
  });

  it("reads SUNDIAL_HTTP_ALLOW_HOSTS and names each bad entry", () => {
    expect(parseEnv({}).SUNDIAL_HTTP_ALLOW_HOSTS.hostnames.size).toBe(0);
    expect(parseEnv({ SUNDIAL_HTTP_ALLOW_HOSTS: "billing.internal, 10.0.0.0/8" }).SUNDIAL_HTTP_ALLOW_HOSTS.hostnames).toEqual(new Set(["billing.internal"]));
    expect(problemsOf({ SUNDIAL_HTTP_ALLOW_HOSTS: "10.0.0.0/33,localhost:3000" })).toEqual([
      'SUNDIAL_HTTP_ALLOW_HOSTS has a bad entry "10.0.0.0/33": the prefix length must be a whole number from 0 to 32',
      'SUNDIAL_HTTP_ALLOW_HOSTS has a bad entry "localhost:3000": not a hostname, an IP address or a CIDR range (no schemes, ports, brackets or wildcards)',
    ]);
  });

  it("refuses an offline threshold shorter than the heartbeat", () => {
    expect(problemsOf({ WORKER_HEARTBEAT_SECONDS: "30", WORKER_OFFLINE_AFTER_SECONDS: "20" })[0]).toMatch(
      /WORKER_OFFLINE_AFTER_SECONDS \(20\) must be greater than WORKER_HEARTBEAT_SECONDS \(30\)/,
    );
  });

  it("puts every problem in the error's one-line message", () => {
    expect(() => parseEnv({ PORT: "x", SUNDIAL_TIMEZONE: "Nowhere" })).toThrow(
      /^Invalid configuration: PORT must be a whole number, got "x"; SUNDIAL_TIMEZONE is not a known IANA timezone: "Nowhere"$/,
    );
  });
});
