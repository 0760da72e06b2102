// The only module that reads process.env: every setting is parsed and checked here once, so a bad
// value stops the process at start with one line naming the setting, instead of failing later.
import { z } from "zod";
import { parseAllowList } from "./net/address-policy";
import { isTimeZone } from "./validation/trigger";

export const DEFAULT_DATABASE_URL = "file:./data/sundial.db";

/** Bounds of an account password, checked for SUNDIAL_ADMIN_PASSWORD and by every form that sets one. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** An optional setting: unset and empty mean the same. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
}

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""], {
    error: (issue) => `must be 1 or 0 (or true / false), got "${String(issue.input)}"`,
  })
  .transform((value) => value === "1" || value === "true" || value === "yes");

function integer(min: number, max: number, fallback: number) {
  return z.preprocess(
    (value) => (value === undefined || value === "" ? String(fallback) : value),
    z
      .string()
      .trim()
      .regex(/^-?\d+$/, { error: (issue) => `must be a whole number, got "${String(issue.input)}"` })
      .transform(Number)
      .pipe(
        z
          .number()
          .min(min, { error: (issue) => `must be at least ${min}, got ${String(issue.input)}` })
          .max(max, { error: (issue) => `must be at most ${max}, got ${String(issue.input)}` }),
      ),
  );
}

export const DatabaseUrl = z.string().superRefine((url, ctx) => {
  if (url.startsWith("file:")) {
    if (url.length === "file:".length) ctx.addIssue({ code: "custom", message: 'needs a path after "file:"' });
    return;
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      const parsed = new URL(url);
      if (!parsed.hostname) ctx.addIssue({ code: "custom", message: `has no host: "${url}"` });
    } catch {
      ctx.addIssue({ code: "custom", message: `is not a valid URL: "${url}"` });
    }
    return;
  }
  ctx.addIssue({
    code: "custom",
    message: `must be a file: URL (SQLite) or a postgresql:// URL, got "${url}"`,
  });
});

const EnvSchema = z.object({
  DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), DatabaseUrl.default(DEFAULT_DATABASE_URL)),
  PORT: integer(1, 65535, 3000),
  SUNDIAL_TIMEZONE: z
    .string()
    .default("UTC")
    .refine(isTimeZone, { error: (issue) => `is not a known IANA timezone: "${String(issue.input)}"` }),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: (issue) => `must be one of fatal, error, warn, info, debug, trace, silent; got "${String(issue.input)}"`,
    })
    .default("info"),
  SUNDIAL_ALLOW_SHELL: flag.default(false),
  WORKER_CONCURRENCY: integer(1, 10_000, 4),
  /**
   * Connections a worker opens to one origin (scheme, host, port) for HTTP jobs; more requests to it
   * at once wait for one of them. 0: no limit (one connection per request in flight).
   */
  WORKER_HTTP_CONNECTIONS_PER_ORIGIN: integer(0, 10_000, 0),
  WORKER_HEARTBEAT_SECONDS: integer(1, 3600, 10),
  WORKER_OFFLINE_AFTER_SECONDS: integer(2, 86_400, 30),
  WORKER_POLL_MS: integer(50, 60_000, 1000),
  /** How far ahead of a slot a worker plans and claims it, so that the database work is done when the slot comes. */
  WORKER_LEAD_MS: integer(0, 10_000, 500),
  WORKER_LEASE_SECONDS: integer(2, 3600, 30),
  WORKER_SHUTDOWN_GRACE_SECONDS: integer(0, 3600, 30),
  SUNDIAL_RETENTION_DAYS: integer(1, 36_500, 30),
  SUNDIAL_RETENTION_RUNS: integer(1, 10_000_000, 1000),
  /** How often the web server and each worker look for alerts to raise and send; 0 turns the sweep off in that process. */
  SUNDIAL_ALERT_SWEEP_MS: integer(0, 3_600_000, 10_000),
  /** The first wait before a failed alert delivery is tried again; each later wait doubles. */
  SUNDIAL_ALERT_RETRY_MS: integer(10, 3_600_000, 30_000),
  SUNDIAL_SECRET: optional(
    z.string().min(32, { error: (issue) => `must be at least 32 characters long (got ${String(issue.input).length}); \`openssl rand -base64 32\` makes one` }),
  ),
  SUNDIAL_PUBLIC_URL: optional(
    z.url({ protocol: /^https?$/, error: (issue) => `must be an http:// or https:// URL, got "${String(issue.input)}"` }).transform((url) => new URL(url).origin),
  ),
  SUNDIAL_ADMIN_EMAIL: optional(z.email({ error: (issue) => `is not an email address: "${String(issue.input)}"` }).transform((email) => email.toLowerCase())),
  SUNDIAL_ADMIN_PASSWORD: optional(
    z
      .string()
      .min(PASSWORD_MIN_LENGTH, { error: `must be at least ${PASSWORD_MIN_LENGTH} characters long` })
      .max(PASSWORD_MAX_LENGTH, { error: `must be at most ${PASSWORD_MAX_LENGTH} characters long` }),
  ),
  SUNDIAL_HTTP_ALLOW_HOSTS: z
    .string()
    .default("")
    .transform((text, ctx) => {
      const { allowList, problems } = parseAllowList(text);
      for (const { entry, why } of problems) ctx.addIssue({ code: "custom", message: `has a bad entry "${entry}": ${why}` });
      return allowList;
    }),
  // Sent by Prometheus as a Bearer token: a header value can't hold whitespace, and a short one is guessable.
  SUNDIAL_METRICS_TOKEN: optional(
    z
      .string()
      .min(16, { error: (issue) => `must be at least 16 characters long (got ${String(issue.input).length}); \`openssl rand -hex 24\` makes one` })
      .regex(/^\S+$/, { error: "must not contain spaces or other whitespace" }),
  ),
});

export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join("; ")}`);
    this.name = "ConfigError";
  }
}

/** Parses a set of variables; throws ConfigError with one readable line per bad setting. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (result.success) {
    const env = result.data;
    if (env.WORKER_OFFLINE_AFTER_SECONDS <= env.WORKER_HEARTBEAT_SECONDS) {
      throw new ConfigError([
        `WORKER_OFFLINE_AFTER_SECONDS (${env.WORKER_OFFLINE_AFTER_SECONDS}) must be greater than WORKER_HEARTBEAT_SECONDS (${env.WORKER_HEARTBEAT_SECONDS})`,
      ]);
    }
    if ((env.SUNDIAL_ADMIN_EMAIL === undefined) !== (env.SUNDIAL_ADMIN_PASSWORD === undefined)) {
      throw new ConfigError(["SUNDIAL_ADMIN_EMAIL and SUNDIAL_ADMIN_PASSWORD seed the first admin together: set both or neither"]);
    }
    return env;
  }
  throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
}

let cached: Env | undefined;

/** The process's configuration, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Running under `next dev` (Next writes NODE_ENV into what it builds). */
export function isDevelopment(): boolean {
  return process.env.NODE_ENV === "development";
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * The environment a shell job starts from: enough to find programs and format text, and nothing of
 * the worker's own settings (DATABASE_URL, secrets) — the job's configured variables are added to it.
 */
export function shellBaseEnv(): Record<string, string> {
  const base: Record<string, string> = {};
  for (const name of ["PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR"]) {
    const value = process.env[name];
    if (value !== undefined) base[name] = value;
  }
  return base;
}
