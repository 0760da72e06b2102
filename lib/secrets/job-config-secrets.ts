// Where a job's config holds secrets (HTTP headers and shell variables marked `secret`) and what
// becomes of them: sealed when a job is written, masked wherever a job is shown. Only the worker
// opens them, right before a run (lib/secrets/seal.ts).
import { ValidationError, type FieldErrors } from "../errors";
import type { HttpJobConfig, JobConfig, ShellJobConfig } from "../validation/job-config";
import { isSealed, sealSecret } from "./seal";
import { currentSealingKey, type SealingKey } from "./sealing-key";

type Entry = { name: string; value: string; secret: boolean };

/** A header or variable as shown: of a secret, only whether it has a value. */
export type MaskedEntry = { name: string; value: string; secret: false } | { name: string; value: null; secret: true; set: boolean };

export type MaskedJobConfig =
  | { kind: "http"; config: Omit<HttpJobConfig, "headers"> & { headers: MaskedEntry[] } }
  | { kind: "shell"; config: Omit<ShellJobConfig, "env"> & { env: MaskedEntry[] } }
  | Extract<JobConfig, { kind: "task" }>;

/** The config field holding a kind's entries, and how names compare (HTTP header names ignore case). */
const ENTRY_FIELDS = {
  http: { field: "headers", sameName: (a: string, b: string) => a.toLowerCase() === b.toLowerCase() },
  shell: { field: "env", sameName: (a: string, b: string) => a === b },
} as const;

function entriesOf(kind: string, config: unknown): Entry[] {
  if (kind !== "http" && kind !== "shell") return [];
  const entries = (config as Record<string, unknown> | null)?.[ENTRY_FIELDS[kind].field];
  return Array.isArray(entries) ? (entries as Entry[]) : [];
}

/** The previous secret value an entry left empty keeps, or undefined when there is none. */
function keptValue(kind: "http" | "shell", name: string, previous: { kind: string; config: unknown } | undefined): string | undefined {
  if (!previous || previous.kind !== kind) return undefined;
  const match = entriesOf(previous.kind, previous.config).find((entry) => entry.secret && ENTRY_FIELDS[kind].sameName(entry.name, name));
  return match && match.value !== "" ? match.value : undefined;
}

/** Secret entries with an empty value and no previous value to keep, keyed by field path ("config.headers.1.value"). */
function secretValueErrors(job: JobConfig, previous?: { kind: string; config: unknown }): FieldErrors {
  const errors: FieldErrors = {};
  if (job.kind === "task") return errors;
  const kind = job.kind;
  entriesOf(kind, job.config).forEach((entry, index) => {
    if (entry.secret && entry.value === "" && keptValue(kind, entry.name, previous) === undefined) {
      errors[`config.${ENTRY_FIELDS[kind].field}.${index}.value`] = ["a secret needs a value"];
    }
  });
  return errors;
}

/**
 * The config to store: every entry marked `secret` holds a sealed value, all else is unchanged.
 *
 * For updates, pass the stored config as `previous` (`{ kind: row.kind, config: row.config }`): a
 * secret entry sent with an empty value keeps the previous value of the secret entry with the same
 * name (header names compared ignoring case), as stored (sealed values are not re-sealed; a
 * plaintext one from before sealing is sealed now). A non-empty value replaces it; an entry no
 * longer marked secret is stored as sent. An empty secret with nothing to keep is a ValidationError
 * naming its field. A value that looks sealed is plaintext to seal, unless it is exactly the
 * previous value of that entry (a caller that put the stored value back): then it is kept.
 */
export function sealJobConfigSecrets<T extends JobConfig>(job: T, previous?: { kind: string; config: unknown }, key?: SealingKey): T {
  if (job.kind === "task") return job;
  const errors = secretValueErrors(job, previous);
  if (Object.keys(errors).length > 0) throw new ValidationError("A secret needs a value", errors);
  const kind = job.kind as "http" | "shell";
  const sealed = entriesOf(kind, job.config).map((entry): Entry => {
    if (!entry.secret) return entry;
    const previousValue = keptValue(kind, entry.name, previous);
    if (entry.value !== "" && entry.value === previousValue && isSealed(previousValue)) return entry;
    if (entry.value !== "") return { ...entry, value: sealSecret(entry.value, key ?? currentSealingKey()) };
    const kept = previousValue!;
    return { ...entry, value: isSealed(kept) ? kept : sealSecret(kept, key ?? currentSealingKey()) };
  });
  return { ...job, config: { ...job.config, [ENTRY_FIELDS[kind].field]: sealed } };
}

/** The config as a person or an API client sees it: secret values replaced by whether they are set. */
export function maskJobConfigSecrets(job: JobConfig): MaskedJobConfig {
  const mask = (entries: Entry[]): MaskedEntry[] =>
    entries.map((entry) =>
      entry.secret ? { name: entry.name, value: null, secret: true, set: entry.value !== "" } : { name: entry.name, value: entry.value, secret: false },
    );
  switch (job.kind) {
    case "http":
      return { kind: "http", config: { ...job.config, headers: mask(entriesOf("http", job.config)) } };
    case "shell":
      return { kind: "shell", config: { ...job.config, env: mask(entriesOf("shell", job.config)) } };
    case "task":
      return job;
  }
}
