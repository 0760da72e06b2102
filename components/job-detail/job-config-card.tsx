import { Instant } from "@/components/time/instant";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { JobDto } from "@/lib/jobs/job-dto";
import { MAX_INSTANCES_SETTLE_MS } from "@/lib/runs/max-instances-settle";
import type { MaskedEntry } from "@/lib/secrets/job-config-secrets";
import { formatDurationMs, formatSeconds, plural } from "./format";

const COALESCE: Record<JobDto["coalesce"], string> = {
  latest: "latest: after an outage, run the newest due slot once; the others are recorded as coalesced",
  all: "all: run every due slot still within grace, oldest first",
  skip: "skip: run the newest due slot; the others are recorded as missed",
};

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-muted-foreground">{term}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

function Entries({ entries }: { entries: MaskedEntry[] }) {
  if (entries.length === 0) return <span className="text-muted-foreground">none</span>;
  return (
    <ul className="space-y-0.5 font-mono text-xs">
      {entries.map((entry) => (
        <li key={entry.name} className="break-all">
          {entry.name}:{" "}
          {entry.secret ? (
            <span className="text-muted-foreground">{entry.set ? "•••••• (secret)" : "(secret, not set)"}</span>
          ) : (
            entry.value
          )}
        </li>
      ))}
    </ul>
  );
}

/** The kind's settings, from a config that passed its schema. */
function TargetRows({ job }: { job: JobDto }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
      {job.kind === "http" ? (
        <>
          <Row term="Request">
            <code className="font-mono text-xs break-all">
              {job.config.method} {job.config.url}
            </code>
          </Row>
          <Row term="Headers">
            <Entries entries={job.config.headers} />
          </Row>
          {job.config.body !== undefined ? (
            <Row term="Body">
              <pre className="max-h-40 overflow-auto rounded bg-muted p-2 font-mono text-xs whitespace-pre-wrap">{job.config.body}</pre>
            </Row>
          ) : null}
          <Row term="Accepted">{job.config.acceptedStatuses.join(", ")}</Row>
        </>
      ) : job.kind === "shell" ? (
        <>
          <Row term="Program">
            <code className="font-mono text-xs break-all">{[job.config.program, ...job.config.args].join(" ")}</code>
          </Row>
          {job.config.cwd ? <Row term="Directory">{job.config.cwd}</Row> : null}
          <Row term="Environment">
            <Entries entries={job.config.env} />
          </Row>
        </>
      ) : (
        <>
          <Row term="Task">
            <code className="font-mono text-xs">{job.config.task}</code>
          </Row>
          <Row term="Payload">
            {job.config.payload === undefined || job.config.payload === null ? (
              <span className="text-muted-foreground">none</span>
            ) : (
              <pre className="max-h-40 overflow-auto rounded bg-muted p-2 font-mono text-xs">{JSON.stringify(job.config.payload, null, 2)}</pre>
            )}
          </Row>
        </>
      )}
    </dl>
  );
}

/** A stored config that fails its schema (a row edited by hand): what is wrong, and the config as stored. */
function UnreadableConfig({ job }: { job: JobDto }) {
  return (
    <div role="alert" data-testid="config-problem" className="space-y-2">
      <p className="text-destructive">
        This configuration can&apos;t be read: {job.configProblem}. Its runs fail until it is fixed: edit the job.
      </p>
      <pre className="max-h-40 overflow-auto rounded bg-muted p-2 font-mono text-xs">{JSON.stringify(job.config, null, 2)}</pre>
    </div>
  );
}

/** What the job does and every policy it runs under; secrets stay masked as the DTO gives them. */
export function JobConfigCard({ job }: { job: JobDto }) {
  const trigger = job.trigger;
  const start = trigger.type === "cron" || trigger.type === "interval" ? trigger.start : trigger.type === "calendar" ? trigger.startDate : undefined;
  const end = trigger.type === "cron" || trigger.type === "interval" ? trigger.end : trigger.type === "calendar" ? trigger.endDate : undefined;
  return (
    <Card className="gap-4">
      <CardHeader>
        <CardTitle>Configuration</CardTitle>
      </CardHeader>
      <CardContent className="space-y-5 text-sm">
        <section aria-label="Target">
          <h3 className="mb-2 text-xs font-medium tracking-wide text-muted-foreground uppercase">
            Target <Badge variant="secondary" className="ml-1 align-middle font-normal normal-case">{job.kind}</Badge>
          </h3>
          {job.configProblem !== null ? <UnreadableConfig job={job} /> : <TargetRows job={job} />}
        </section>
        <section aria-label="Policies">
          <h3 className="mb-2 text-xs font-medium tracking-wide text-muted-foreground uppercase">Policies</h3>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
            <Row term="Misfire grace">{job.misfireGraceSeconds === null ? "no limit: a late slot always runs" : `${formatSeconds(job.misfireGraceSeconds)}: a slot later than that is missed`}</Row>
            <Row term="Coalesce">{COALESCE[job.coalesce]}</Row>
            <Row term="Max instances">
              {job.maxInstances === 1 ? "1" : `${job.maxInstances} at a time`}: a slot due while {job.maxInstances === 1 ? "a run is" : `${job.maxInstances} are`} running waits{" "}
              {formatDurationMs(MAX_INSTANCES_SETTLE_MS)} for a place, then is skipped
            </Row>
            <Row term="Timeout">{job.timeoutSeconds === null ? "none" : formatSeconds(job.timeoutSeconds)}</Row>
            <Row term="Retries">
              {job.retry.maxAttempts <= 1
                ? "none: one attempt"
                : `${plural(job.retry.maxAttempts, "attempt")} in all, backoff ${formatSeconds(job.retry.backoffSeconds)} doubling up to ${formatSeconds(job.retry.maxBackoffSeconds)}`}
            </Row>
            <Row term="Jitter">{job.jitterSeconds === 0 ? "none" : `up to ${formatSeconds(job.jitterSeconds)}`}</Row>
            <Row term="Starts">{start ? <Bound value={start} timeZone={trigger.timezone} /> : "with the job"}</Row>
            <Row term="Ends">{end ? <Bound value={end} timeZone={trigger.timezone} /> : trigger.type === "date" ? "after its one run" : "never"}</Row>
          </dl>
        </section>
        <section aria-label="History">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-xs">
            <Row term="Created">
              <Instant value={job.createdAt} timeZone={trigger.timezone} />
            </Row>
            <Row term="Updated">
              <Instant value={job.updatedAt} timeZone={trigger.timezone} /> <span className="text-muted-foreground">(version {job.version})</span>
            </Row>
          </dl>
        </section>
      </CardContent>
    </Card>
  );
}

/** A start or end bound: an instant, or a calendar trigger's local date. */
function Bound({ value, timeZone }: { value: string; timeZone: string }) {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? <span>{value}</span> : <Instant value={value} timeZone={timeZone} />;
}
