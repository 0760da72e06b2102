// What each channel sends for an alert, and the fold that decides which runs change a job's state.
import { describe, expect, it } from "vitest";
import { foldRuns } from "@/lib/alerts/evaluate-runs";
import { buildAlertMessage, messageText } from "@/lib/alerts/message";
import { slackBody } from "@/lib/alerts/channels/slack";
import { webhookBody } from "@/lib/alerts/channels/webhook";

const at = (second: number) => new Date(Date.UTC(2026, 10, 26, 3, 0, second));
const run = (id: string, status: string, second: number, errorMessage: string | null = null) => ({ id, jobId: "job-1", status, reason: null, errorMessage, finishedAt: at(second) });

describe("alert messages", () => {
  const failure = buildAlertMessage(
    { event: "failure", jobId: "job-1", jobName: "nightly <report> & co", runId: "run-9", reason: "HTTP 500: <html>", fromState: null, occurredAt: at(5) },
    "https://sundial.example.com",
  );

  it("the webhook body names the event, job, run and absolute links", () => {
    expect(JSON.parse(webhookBody(failure))).toEqual({
      event: "failure",
      title: '"nightly <report> & co" failed',
      reason: "HTTP 500: <html>",
      occurredAt: "2026-11-26T03:00:05.000Z",
      previousState: null,
      job: { id: "job-1", name: "nightly <report> & co", url: "https://sundial.example.com/jobs/job-1" },
      run: { id: "run-9", url: "https://sundial.example.com/runs/run-9" },
      links: { job: "https://sundial.example.com/jobs/job-1", run: "https://sundial.example.com/runs/run-9" },
    });
  });

  it("Slack gets text for notifications and blocks with its markup characters escaped", () => {
    const body = JSON.parse(slackBody(failure)) as { text: string; blocks: { text?: { text: string }; elements?: { text: string }[] }[] };
    expect(body.text).toBe(messageText(failure));
    expect(body.blocks[0]!.text!.text).toBe(':red_circle: *"nightly &lt;report&gt; &amp; co" failed*');
    expect(body.blocks[1]!.text!.text).toBe(">HTTP 500: &lt;html&gt;");
    expect(body.blocks[2]!.elements![0]!.text).toContain("<https://sundial.example.com/runs/run-9|Run>");
  });

  it("without SUNDIAL_PUBLIC_URL there are no links, and a recovery says what it recovered from", () => {
    const recovery = buildAlertMessage({ event: "recovery", jobId: "job-1", jobName: "sync", runId: "run-10", reason: null, fromState: "missed", occurredAt: at(9) }, undefined);
    expect(recovery).toMatchObject({ title: '"sync" recovered (was missing runs)', job: { url: null }, run: { url: null } });
    expect(messageText(recovery)).toBe('"sync" recovered (was missing runs)\nEvent: Recovery\nAt: 2026-11-26T03:00:09.000Z');
  });
});

describe("foldRuns", () => {
  it("a new job's first failures alert once; canceled and skipped runs change nothing; a success recovers", () => {
    const { next, changes } = foldRuns(null, [
      run("a", "succeeded", 1),
      run("b", "failed", 2, "boom"),
      run("c", "canceled", 3),
      run("d", "timed_out", 4),
      run("e", "skipped", 5),
      run("f", "succeeded", 6),
      run("g", "missed", 7),
    ]);
    expect(changes.map((change) => [change.event, change.fromState, change.runId, change.reason])).toEqual([
      ["failure", "healthy", "b", "boom"],
      ["recovery", "failing", "f", null],
      ["misfire", "healthy", "g", null],
    ]);
    expect(next).toMatchObject({ state: "missed", runId: "g", evaluatedRunId: "g", evaluatedAt: at(7) });
  });

  it("a late job that loses a run changes to lost, and the watermark moves even when nothing changes", () => {
    const seen = { state: "late" as const, version: 3, since: at(0), reason: "late", runId: null, evaluatedAt: at(0), evaluatedRunId: "" };
    const lost = foldRuns(seen, [run("h", "lost", 8)]);
    expect(lost.changes.map((change) => [change.event, change.fromState])).toEqual([["lost", "late"]]);
    const quiet = foldRuns({ ...seen, state: "healthy" }, [run("i", "succeeded", 9)]);
    expect(quiet.changes).toEqual([]);
    expect(quiet.next).toMatchObject({ state: "healthy", since: at(0), evaluatedRunId: "i" });
  });
});
