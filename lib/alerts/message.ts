// What an alert says, built once from its delivery row: every channel formats the same message.
import { EVENT_LABELS, type AlertEventName, type AlertStateName } from "./events";

export type AlertMessage = {
  event: AlertEventName;
  /** One line: `"nightly-report" failed: HTTP 500`. */
  title: string;
  reason: string | null;
  occurredAt: string;
  job: { id: string; name: string; url: string | null } | null;
  run: { id: string; url: string | null } | null;
  /** The state the job left, for a recovery. */
  previousState: AlertStateName | null;
};

export type MessageSource = {
  event: AlertEventName;
  jobId: string | null;
  jobName: string | null;
  runId: string | null;
  reason: string | null;
  fromState: AlertStateName | null;
  occurredAt: Date;
};

const PREVIOUSLY: Record<AlertStateName, string> = {
  healthy: "healthy",
  failing: "failing",
  missed: "missing runs",
  lost: "losing runs",
  late: "late",
};

function titleOf(source: MessageSource): string {
  const job = `"${source.jobName ?? "a deleted job"}"`;
  switch (source.event) {
    case "failure":
      return `${job} failed`;
    case "misfire":
      return `${job} missed a run`;
    case "lost":
      return `${job} lost a run (its worker stopped)`;
    case "late":
      return `${job} is late: a run did not start on time`;
    case "recovery":
      return `${job} recovered${source.fromState ? ` (was ${PREVIOUSLY[source.fromState]})` : ""}`;
    case "test":
      return "Test alert from Sundial";
  }
}

/** `publicUrl` (SUNDIAL_PUBLIC_URL) makes the links absolute; without it there are none. */
export function buildAlertMessage(source: MessageSource, publicUrl: string | undefined): AlertMessage {
  const link = (path: string) => (publicUrl ? `${publicUrl}${path}` : null);
  return {
    event: source.event,
    title: titleOf(source),
    reason: source.reason,
    occurredAt: source.occurredAt.toISOString(),
    job: source.jobId ? { id: source.jobId, name: source.jobName ?? "", url: link(`/jobs/${source.jobId}`) } : null,
    run: source.runId ? { id: source.runId, url: link(`/runs/${source.runId}`) } : null,
    previousState: source.fromState,
  };
}

/** The message as plain text lines (email body, Slack fallback text). */
export function messageText(message: AlertMessage): string {
  const lines = [message.title];
  if (message.reason) lines.push(`Reason: ${message.reason}`);
  lines.push(`Event: ${EVENT_LABELS[message.event]}`, `At: ${message.occurredAt}`);
  if (message.job?.url) lines.push(`Job: ${message.job.url}`);
  if (message.run?.url) lines.push(`Run: ${message.run.url}`);
  return lines.join("\n");
}
