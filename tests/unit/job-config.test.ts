import { describe, expect, it } from "vitest";
import { JobConfig, describeTarget } from "@/lib/validation/job-config";

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
});
