// The jobs list's URL: what a shared or hand-edited link turns into, and back.
import { describe, expect, it } from "vitest";
import { jobFiltersOf, jobListSearch, jobListViewFrom, normalizeJobListView } from "@/lib/validation/job-queries";

describe("the jobs list view in the URL", () => {
  it("reads every parameter and writes them back in one order", () => {
    const view = jobListViewFrom(new URLSearchParams("page=2&sort=-nextRunAt&failing=1&tag=Ops&kind=http&status=paused&q=%20backup%20"));
    expect(view).toEqual({ page: 2, sort: "-nextRunAt", failing: true, tag: "ops", kind: "http", status: "paused", q: "backup" });
    expect(jobListSearch(view)).toBe("?q=backup&status=paused&kind=http&tag=ops&failing=1&sort=-nextRunAt&page=2");
  });

  it("drops what it can't read instead of failing (tried: sort=bogus, page=0, status=archived, failing=maybe, kind=ftp)", () => {
    expect(jobListViewFrom({ sort: "bogus", page: "0", status: "archived", failing: "maybe", kind: "ftp", q: "" })).toEqual({});
    expect(jobListViewFrom({ page: ["3", "4"], q: "x".repeat(201) })).toEqual({ page: 3 });
  });

  it("leaves defaults out, so equal views share one cache key", () => {
    expect(normalizeJobListView({ page: 1, sort: "name", q: "" })).toEqual({});
    expect(jobListViewFrom({ failing: "0" })).toEqual({});
    expect(jobListSearch({})).toBe("");
  });

  it("asks listJobs for the API's defaults", () => {
    expect(jobFiltersOf({})).toEqual({ page: 1, pageSize: 50, sort: "name", q: undefined, status: undefined, kind: undefined, tag: undefined, failing: undefined });
    expect(jobFiltersOf({ failing: true, page: 3 })).toMatchObject({ failing: true, page: 3 });
  });
});
