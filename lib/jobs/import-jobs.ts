// Imports an export file (lib/jobs/export-jobs.ts): jobs matched by name are updated, new names
// created and, in replace mode, jobs the file doesn't name deleted, all in one transaction through
// the same writes as createJob / updateJob / deleteJob, or not at all. Every problem in the file is
// reported before anything is written.
import { dbProvider, type Db } from "../db";
import { recordAudit } from "../audit/record-audit";
import { ValidationError, type FieldErrors } from "../errors";
import { announceDue } from "../runs/due-notifications";
import { maskJobConfigSecrets, sealJobConfigSecrets } from "../secrets/job-config-secrets";
import type { SealingKey } from "../secrets/sealing-key";
import type { JobConfig } from "../validation/job-config";
import { JOB_EXPORT_VERSION, type ImportMode } from "../validation/job-export";
import type { Actor } from "./actor";
import { checkJobInput, type CheckedJob } from "./check-job-input";
import { insertJob } from "./create-job";
import { removeJob } from "./delete-job";
import { jobDefinition, type JobDefinition } from "./export-jobs";
import { toJobDto, type JobDto } from "./job-dto";
import { triggerFromColumns, triggerToColumns } from "./trigger-columns";
import { applyJobUpdate } from "./update-job";

export const IMPORT_ACTIONS = ["create", "update", "unchanged", "delete"] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

export type ImportPlanItem = {
  name: string;
  action: ImportAction;
  /** For an update: the fields whose value changes (name order of the export file). */
  changes: string[];
};

export type ImportResult = {
  mode: ImportMode;
  dryRun: boolean;
  /** False for a dry run: the plan is what an import would do now. */
  applied: boolean;
  plan: ImportPlanItem[];
  counts: Record<ImportAction, number>;
};

/** One problem of the file: `index` and `name` say which job (both null for the file itself). */
export type ImportProblem = { index: number | null; name: string | null; field: string; messages: string[] };

/** A file with problems: nothing was written. `problems` lists them by job; fieldErrors keys them as jobs.<index>.<field>. */
export class ImportValidationError extends ValidationError {
  constructor(readonly problems: ImportProblem[]) {
    const fieldErrors: FieldErrors = {};
    for (const problem of problems) {
      const key = problem.index === null ? problem.field : `jobs.${problem.index}.${problem.field}`;
      fieldErrors[key] = [...(fieldErrors[key] ?? []), ...problem.messages];
    }
    const jobs = new Set(problems.filter((problem) => problem.index !== null).map((problem) => problem.index)).size;
    super(jobs > 0 ? `${jobs} job${jobs === 1 ? "" : "s"} in the file ${jobs === 1 ? "has" : "have"} problems; nothing was imported` : "The file can't be imported; nothing was imported", fieldErrors);
    this.name = "ImportValidationError";
  }
}

export type ImportJobsOptions = {
  now: Date;
  defaultTimezone: string;
  mode: ImportMode;
  dryRun: boolean;
  sealingKey?: SealingKey;
};

/** Big files on a busy SQLite file can take longer than Prisma's 5 s default for one transaction. */
const IMPORT_TRANSACTION = { maxWait: 10_000, timeout: 120_000 };

type Existing = { id: string; version: number; kind: string; config: unknown; dto: JobDto; nextRunAt: Date | null; lastSlotAt: Date | null };
type Step =
  | { action: "create"; name: string; input: unknown; checked: CheckedJob }
  | { action: "update"; name: string; input: unknown; existing: Existing; changes: string[] }
  | { action: "unchanged"; name: string }
  | { action: "delete"; name: string; existing: Existing };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The definition the checked input would store, to compare with the stored one field by field. */
function definitionOfChecked({ job, trigger }: CheckedJob): JobDefinition {
  return jobDefinition({
    name: job.name,
    description: job.description,
    tags: job.tags,
    ...maskJobConfigSecrets({ kind: job.kind, config: job.config } as JobConfig),
    // Through the columns and back: start and end compare as instants, as the stored trigger reads.
    trigger: triggerFromColumns(triggerToColumns(trigger)),
    misfireGraceSeconds: job.misfireGraceSeconds,
    coalesce: job.coalesce,
    maxInstances: job.maxInstances,
    timeoutSeconds: job.timeoutSeconds,
    retry: job.retry,
    jitterSeconds: job.jitterSeconds,
    startGraceSeconds: job.startGraceSeconds,
    retentionRuns: job.retentionRuns,
    retentionDays: job.retentionDays,
  });
}

/** A secret given a value in the file replaces the stored one: a change, though the masked configs look alike. */
function suppliesSecret(checked: CheckedJob): boolean {
  const config = checked.job.config as { headers?: { secret: boolean; value: string }[]; env?: { secret: boolean; value: string }[] };
  return [...(config.headers ?? []), ...(config.env ?? [])].some((entry) => entry.secret && entry.value !== "");
}

function changedFields(before: JobDefinition, after: JobDefinition, secretSupplied: boolean): string[] {
  return (Object.keys(before) as (keyof JobDefinition)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]) || (key === "config" && secretSupplied),
  );
}

/**
 * Checks `file` (an export document) and returns the plan: per job, create / update / unchanged, and
 * in replace mode delete. With `dryRun` that is all; otherwise the plan is carried out in one
 * transaction with an audit row of its own beside each job's. A file with any problem throws an
 * ImportValidationError listing them all; a job changed by someone between the check and the write
 * is a ConflictError and nothing is written.
 */
export async function importJobs(db: Db, file: unknown, actor: Actor, { now, defaultTimezone, mode, dryRun, sealingKey }: ImportJobsOptions): Promise<ImportResult> {
  const problems: ImportProblem[] = [];
  const fileProblem = (field: string, message: string) => problems.push({ index: null, name: null, field, messages: [message] });
  if (!isObject(file)) {
    fileProblem("_", "the file must be a JSON object, as the export writes it");
    throw new ImportValidationError(problems);
  }
  if (file.sundial === undefined) fileProblem("sundial", "sundial is missing: is this a file from Sundial's job export?");
  else if (file.sundial !== JOB_EXPORT_VERSION) {
    fileProblem("sundial", `this file is in format ${JSON.stringify(file.sundial)}; this version of Sundial reads format ${JOB_EXPORT_VERSION}`);
  }
  if (!Array.isArray(file.jobs)) fileProblem("jobs", "jobs must be a list of jobs");
  const jobs: unknown[] = Array.isArray(file.jobs) ? file.jobs : [];

  const rows = await db.job.findMany({ include: { tags: true } });
  const existingByName = new Map<string, Existing>(
    rows.map((row) => [row.name, { id: row.id, version: row.version, kind: row.kind, config: row.config, dto: toJobDto(row), nextRunAt: row.nextRunAt, lastSlotAt: row.lastSlotAt }]),
  );

  const steps: Step[] = [];
  const firstIndexOf = new Map<string, number>();
  jobs.forEach((input, index) => {
    const rawName = isObject(input) && typeof input.name === "string" ? input.name.trim() : null;
    const add = (field: string, messages: string[]) => problems.push({ index, name: rawName, field, messages });
    if (rawName !== null && rawName !== "") {
      const first = firstIndexOf.get(rawName);
      if (first !== undefined) {
        add("name", [`"${rawName}" is already job ${first + 1} in the file: names must be unique`]);
        return;
      }
      firstIndexOf.set(rawName, index);
    }
    const existing = rawName === null ? undefined : existingByName.get(rawName);
    // A file names no alert channels (their ids belong to one installation): an update keeps the job's.
    if (existing && isObject(input) && input.alertChannelIds === undefined) input = { ...input, alertChannelIds: existing.dto.alertChannelIds };
    let checked: CheckedJob;
    try {
      checked = checkJobInput(input, {
        now,
        defaultTimezone,
        current: existing && { trigger: existing.dto.trigger, nextRunAt: existing.nextRunAt, lastSlotAt: existing.lastSlotAt },
      });
      // The secrets' check of the write itself (a secret needs a value unless the stored job has one), made now so the plan reports it.
      sealJobConfigSecrets({ kind: checked.job.kind, config: checked.job.config } as JobConfig, existing && { kind: existing.kind, config: existing.config }, sealingKey);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const [field, messages] of Object.entries(error.fieldErrors)) add(field, messages);
      return;
    }
    const name = checked.job.name;
    if (!existing) {
      steps.push({ action: "create", name, input, checked });
      return;
    }
    const changes = changedFields(jobDefinition(existing.dto), definitionOfChecked(checked), suppliesSecret(checked));
    steps.push(changes.length === 0 ? { action: "unchanged", name } : { action: "update", name, input, existing, changes });
  });
  if (mode === "replace") {
    for (const [name, existing] of existingByName) if (!firstIndexOf.has(name)) steps.push({ action: "delete", name, existing });
  }
  if (problems.length > 0) throw new ImportValidationError(problems);

  steps.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const plan = steps.map((step): ImportPlanItem => ({ name: step.name, action: step.action, changes: step.action === "update" ? step.changes : [] }));
  const counts = Object.fromEntries(IMPORT_ACTIONS.map((action) => [action, plan.filter((item) => item.action === action).length])) as Record<ImportAction, number>;
  if (dryRun) return { mode, dryRun, applied: false, plan, counts };

  await db.$transaction(async (tx) => {
    let wakeWorkers = false;
    for (const step of steps) {
      if (step.action === "create") {
        await insertJob(tx, step.checked, actor, { now, sealingKey });
        wakeWorkers ||= !step.checked.job.paused;
      } else if (step.action === "update") {
        const { job, scheduleChanged } = await applyJobUpdate(tx, { id: step.existing.id, version: step.existing.version, job: step.input }, actor, { now, defaultTimezone, sealingKey });
        wakeWorkers ||= scheduleChanged && !job.paused;
      } else if (step.action === "delete") {
        await removeJob(tx, { id: step.existing.id }, actor, { now });
      }
    }
    const names = (action: ImportAction) => plan.filter((item) => item.action === action).map((item) => item.name);
    await recordAudit(tx, actor, { action: "job.import", targetType: "job", targetId: null, after: { mode, created: names("create"), updated: names("update"), deleted: names("delete") }, at: now });
    if (wakeWorkers && dbProvider(db) === "postgresql") await announceDue(tx);
  }, IMPORT_TRANSACTION);
  return { mode, dryRun, applied: true, plan, counts };
}
