// Job definitions as a file a team can keep in git: only what a person decides (no ids, versions,
// pause state or run state), jobs sorted by name and keys in a fixed order, so a diff shows what
// changed and nothing else. Secret values are never written (see SECRETS_NOTE). Alert channels are
// not part of a definition either: their ids belong to one installation (an import keeps a job's).
import type { Db } from "../db";
import { JOB_EXPORT_VERSION, SECRETS_NOTE } from "../validation/job-export";
import { toJobDto, type JobDto } from "./job-dto";

/** One job in an export file: the fields of a create request, in this order. */
export type JobDefinition = {
  name: string;
  description: string;
  tags: string[];
  kind: JobDto["kind"];
  config: unknown;
  trigger: JobDto["trigger"];
  misfireGraceSeconds: number | null;
  coalesce: JobDto["coalesce"];
  maxInstances: number;
  timeoutSeconds: number | null;
  retry: JobDto["retry"];
  jitterSeconds: number;
  startGraceSeconds: number | null;
  retentionRuns: number | null;
  retentionDays: number | null;
};

export type JobExport = { sundial: typeof JOB_EXPORT_VERSION; exportedAt: string; secrets: string; jobs: JobDefinition[] };

/** The fields of a job a definition is made of: a JobDto has them (with its secrets masked). */
export type DefinitionSource = Pick<JobDto, "name" | "description" | "tags" | "kind" | "config" | "trigger" | "misfireGraceSeconds" | "coalesce" | "maxInstances" | "timeoutSeconds" | "retry" | "jitterSeconds" | "startGraceSeconds" | "retentionRuns" | "retentionDays">;

/**
 * Keys sorted at every level: PostgreSQL's jsonb hands a config back in its own key order, SQLite in
 * the order written; the file must read the same from both.
 */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
  );
}

/** A masked secret entry ({ value: null, secret: true, set }) as the file shows it: no value, and whether it was set is state, not definition. */
function withoutSecretState(config: unknown): unknown {
  if (config === null || typeof config !== "object") return config;
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [
      key,
      Array.isArray(value)
        ? value.map((entry: unknown) => {
            if (entry === null || typeof entry !== "object" || (entry as { secret?: unknown }).secret !== true) return entry;
            return { name: (entry as { name: unknown }).name, secret: true, value: null };
          })
        : value,
    ]),
  );
}

export function jobDefinition(job: DefinitionSource): JobDefinition {
  return {
    name: job.name,
    description: job.description,
    tags: [...job.tags].sort(),
    kind: job.kind,
    config: sortedKeys(withoutSecretState(job.config)),
    trigger: job.trigger,
    misfireGraceSeconds: job.misfireGraceSeconds,
    coalesce: job.coalesce,
    maxInstances: job.maxInstances,
    timeoutSeconds: job.timeoutSeconds,
    retry: { maxAttempts: job.retry.maxAttempts, backoffSeconds: job.retry.backoffSeconds, maxBackoffSeconds: job.retry.maxBackoffSeconds },
    jitterSeconds: job.jitterSeconds,
    startGraceSeconds: job.startGraceSeconds,
    retentionRuns: job.retentionRuns,
    retentionDays: job.retentionDays,
  };
}

/** Every job's definition, sorted by name. */
export async function exportJobs(db: Db, { now }: { now: Date }): Promise<JobExport> {
  const rows = await db.job.findMany({ include: { tags: true }, orderBy: { name: "asc" } });
  // Sorted here too: the database's collation may not order names the way a JavaScript sort does.
  const jobs = rows.map((row) => jobDefinition(toJobDto(row))).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { sundial: JOB_EXPORT_VERSION, exportedAt: now.toISOString(), secrets: SECRETS_NOTE, jobs };
}

/** The file name a download gets, e.g. sundial-jobs-2026-12-01.json. */
export function exportFileName(now: Date): string {
  return `sundial-jobs-${now.toISOString().slice(0, 10)}.json`;
}
