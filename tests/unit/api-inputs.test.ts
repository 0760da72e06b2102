// The API's own inputs beside the job itself: the version an update names, list filters.
import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { versionFrom } from "@/lib/validation/job-actions";
import { JobListQuery } from "@/lib/validation/job-queries";
import { RunListQuery } from "@/lib/validation/run-queries";

const fieldErrorsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors;
    throw error;
  }
  throw new Error("expected a ValidationError");
};

describe("versionFrom", () => {
  it("takes the body's version or If-Match, strong or weak", () => {
    expect(versionFrom(3, null)).toBe(3);
    expect(versionFrom(undefined, '"4"')).toBe(4);
    expect(versionFrom(undefined, 'W/"5"')).toBe(5);
    expect(versionFrom(6, '"6"')).toBe(6);
  });

  it("names the problem: none sent, a version that is no number, an If-Match naming none, two that disagree", () => {
    expect(fieldErrorsOf(() => versionFrom(undefined, null))).toEqual({ version: ["version is required: send the version you read, in the body or as If-Match"] });
    expect(fieldErrorsOf(() => versionFrom("three", null))).toHaveProperty("version");
    expect(fieldErrorsOf(() => versionFrom(1.5, null))).toEqual({ version: ["version must be a whole number"] });
    expect(fieldErrorsOf(() => versionFrom(undefined, "*"))).toEqual({ "If-Match": ['If-Match must name a version, e.g. "3"'] });
    expect(fieldErrorsOf(() => versionFrom(2, '"3"'))).toEqual({ version: ["version and If-Match name different versions"] });
  });
});

describe("list queries", () => {
  it("parses job filters with defaults, and refuses unknown values by name", () => {
    expect(JobListQuery.parse({})).toEqual({ page: 1, pageSize: 50, sort: "name" });
    expect(JobListQuery.parse({ q: " bill ", status: "paused", kind: "task", tag: "Billing", sort: "-nextRunAt", page: "2" })).toMatchObject({
      q: "bill",
      tag: "billing",
      sort: "-nextRunAt",
      page: 2,
    });
    // Tried: status=archived, kind=ftp, sort=size.
    const failed = JobListQuery.safeParse({ status: "archived", kind: "ftp", sort: "size" });
    expect(failed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["status", "kind", "sort"]);
  });

  it("parses run filters: several statuses, instants with a zone, from before to", () => {
    expect(RunListQuery.parse({ status: "failed, timed_out", from: "2026-12-01T10:00:00+01:00" })).toMatchObject({
      status: ["failed", "timed_out"],
      from: new Date("2026-12-01T09:00:00Z"),
      limit: 50,
    });
    // Tried: a status that doesn't exist, a local time without a zone, to before from.
    expect(RunListQuery.safeParse({ status: "failed,done" }).error?.issues[0]?.path).toEqual(["status", 1]);
    expect(RunListQuery.safeParse({ from: "2026-12-01T10:00" }).success).toBe(false);
    expect(RunListQuery.safeParse({ from: "2026-12-02T00:00:00Z", to: "2026-12-01T00:00:00Z" }).error?.issues[0]?.path).toEqual(["to"]);
  });
});
