import type { JobInput } from "../validation/job-input";

/** The run-policy columns of a job, as create and update both write them. */
export function policyColumns(job: JobInput) {
  return {
    jitterSeconds: job.jitterSeconds,
    misfireGraceSeconds: job.misfireGraceSeconds,
    coalesce: job.coalesce,
    maxInstances: job.maxInstances,
    timeoutSeconds: job.timeoutSeconds,
    retryMaxAttempts: job.retry.maxAttempts,
    retryBackoffSeconds: job.retry.backoffSeconds,
    retryBackoffMaxSeconds: job.retry.maxBackoffSeconds,
    startGraceSeconds: job.startGraceSeconds,
    alertChannelIds: job.alertChannelIds,
    retentionRuns: job.retentionRuns,
    retentionDays: job.retentionDays,
  };
}
