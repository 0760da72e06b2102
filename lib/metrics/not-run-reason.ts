// A run's reason is a sentence for people ("coalesced into the 14:05 run"); a metric label must come
// from a short fixed list, or every distinct sentence becomes a time series of its own. The patterns
// follow the sentences written by lib/schedule/plan-slots.ts and lib/runs/claim-runs.ts; a sentence
// they don't know counts as "other".
export const NOT_RUN_REASONS = {
  missed: ["late", "catch_up_capped", "not_caught_up", "downtime", "other"],
  skipped: ["coalesced", "max_instances", "other"],
} as const;
export type NotRunStatus = keyof typeof NOT_RUN_REASONS;
export type NotRunReason = (typeof NOT_RUN_REASONS)[NotRunStatus][number];

const PATTERNS: [RegExp, NotRunReason][] = [
  [/^started too late/, "late"],
  [/^catch-up capped/, "catch_up_capped"],
  [/^not caught up/, "not_caught_up"],
  [/while no worker ran/, "downtime"],
  [/^coalesced into/, "coalesced"],
  [/^max instances reached/, "max_instances"],
];

export function notRunReason(status: NotRunStatus, reason: string | null): NotRunReason {
  const known = reason === null ? undefined : PATTERNS.find(([pattern]) => pattern.test(reason))?.[1];
  return known !== undefined && (NOT_RUN_REASONS[status] as readonly string[]).includes(known) ? known : "other";
}
