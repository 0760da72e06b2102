import { describe, expect, it } from "vitest";
import { HttpJobConfig, JobConfig, describeTarget, readConfig, readJobConfig } from "@/lib/validation/job-config";

describe("job config", () => {
  it("describes what each kind of job does", () => {
    expect(describeTarget("http", { method: "POST", url: "https://example.com/hook" })).toBe("POST https://example.com/hook");
    expect(describeTarget("shell", { program: "/usr/bin/backup", args: ["--full", "/srv"] })).toBe("/usr/bin/backup --full /srv");
    expect(describeTarget("task", { task: "prune-runs" })).toBe("task prune-runs");
  });

  it("fills defaults", () => {
    const parsed = JobConfig.parse({ kind: "http", config: { url: "http://example.com" } });
    expect(parsed.config).toMatchObject({ method: "GET", headers: [], acceptedStatuses: [200, 201, 202, 204] });
  });

  it("rejects bad config with the field named (tried: ftp URL, empty program, bad env name)", () => {
    const http = JobConfig.safeParse({ kind: "http", config: { url: "ftp://example.com" } });
    expect(http.success).toBe(false);
    expect(http.error?.issues[0]).toMatchObject({ path: ["config", "url"], message: "must be an http:// or https:// URL" });

    const shell = JobConfig.safeParse({ kind: "shell", config: { program: "" } });
    expect(shell.error?.issues[0]).toMatchObject({ path: ["config", "program"], message: "program is required" });

    const env = JobConfig.safeParse({ kind: "shell", config: { program: "x", env: [{ name: "1BAD", value: "" }] } });
    expect(env.error?.issues[0]?.path).toEqual(["config", "env", 0, "name"]);
  });

  it("says a stored config is invalid instead of throwing", () => {
    expect(describeTarget("http", { url: 42 })).toBe("invalid http configuration");
  });

  it("reads a stored config through its schema: defaults of fields it lacks filled in", () => {
    expect(readJobConfig("http", { method: "POST", url: "https://example.com/hook" })).toEqual({
      ok: true,
      config: { method: "POST", url: "https://example.com/hook", headers: [], acceptedStatuses: [200, 201, 202, 204] },
    });
    expect(readJobConfig("shell", { program: "/bin/true" })).toEqual({ ok: true, config: { program: "/bin/true", args: [], env: [] } });
  });

  it("says every problem of a stored config with its field (tried: no URL, statuses as a string, an empty program, no config at all)", () => {
    expect(readConfig(HttpJobConfig, { acceptedStatuses: "200" })).toEqual({
      ok: false,
      problem: "url: must be an http:// or https:// URL; acceptedStatuses: Invalid input: expected array, received string",
    });
    expect(readJobConfig("shell", { program: "" })).toEqual({ ok: false, problem: "program: program is required" });
    expect(readJobConfig("task", null)).toEqual({ ok: false, problem: "config: Invalid input: expected object, received null" });
  });
});
