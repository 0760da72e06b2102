// What an execution reports back, whatever ran it (HTTP request, program, task handler).

export type RunOutcome = {
  status: "succeeded" | "failed" | "timed_out" | "canceled";
  reason?: string;
  httpStatus?: number;
  exitCode?: number;
  errorMessage?: string;
  errorStack?: string;
  outputSummary?: string;
};

/** Output summaries and error messages are capped: a run row is read in lists, the full output lives in RunLog. */
export const SUMMARY_MAX_CHARS = 4000;

export function capText(text: string, max = SUMMARY_MAX_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
