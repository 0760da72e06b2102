import { describe, expect, it } from "vitest";
import { isJsonContentType, renderBody, renderUrl, templateErrors, urlTemplateErrors, type RunTemplateContext } from "@/lib/jobs/http-template";
import { JobConfig } from "@/lib/validation/job-config";

const context: RunTemplateContext = {
  runId: "run_1",
  scheduledFor: new Date("2026-03-01T12:00:05.000Z"),
  attempt: 2,
  jobId: "job_9",
  jobName: "Nightly export",
};

/** A job name with everything that could break out of a URL component or a JSON string. */
const hostile: RunTemplateContext = { ...context, jobName: 'a&b=c #frag "quoted" \\ back\nline two' };

describe("run context templates", () => {
  it("fills every placeholder", () => {
    const url = "https://example.com/{{job.id}}/{{run.id}}?at={{run.scheduledFor}}&ms={{run.scheduledForMs}}&try={{run.attempt}}&name={{job.name}}";
    expect(renderUrl(url, context)).toBe(
      "https://example.com/job_9/run_1?at=2026-03-01T12%3A00%3A05.000Z&ms=1772366405000&try=2&name=Nightly%20export",
    );
  });

  it("accepts spaces inside the braces and leaves text without placeholders alone", () => {
    expect(renderBody("slot {{ run.scheduledForMs }}", context, undefined)).toBe("slot 1772366405000");
    expect(renderBody('{"a":{"b":1}}', context, "application/json")).toBe('{"a":{"b":1}}');
    expect(templateErrors("no placeholders } { here")).toEqual([]);
  });

  it("keeps a hostile value inside its URL component", () => {
    const url = new URL(renderUrl("https://example.com/hook?name={{job.name}}&id={{run.id}}", hostile));
    expect(url.hash).toBe("");
    expect([...url.searchParams.keys()]).toEqual(["name", "id"]);
    expect(url.searchParams.get("name")).toBe(hostile.jobName);
  });

  it("escapes values in a JSON body, and only there", () => {
    const template = '{"job":"{{job.name}}","attempt":{{run.attempt}}}';
    const json = renderBody(template, hostile, "application/json; charset=utf-8");
    expect(JSON.parse(json)).toEqual({ job: hostile.jobName, attempt: 2 });
    expect(renderBody("job={{job.name}}", hostile, "text/plain")).toBe(`job=${hostile.jobName}`);
  });

  it("recognises JSON content types", () => {
    for (const type of ["application/json", "Application/JSON; charset=utf-8", "application/problem+json", "text/json"]) {
      expect(isJsonContentType(type), type).toBe(true);
    }
    for (const type of [undefined, "", "text/plain", "application/jsonl", "application/x-www-form-urlencoded"]) {
      expect(isJsonContentType(type), String(type)).toBe(false);
    }
  });

  it("names an unknown placeholder and lists the known ones", () => {
    const [message] = templateErrors("id={{run.idd}}");
    expect(message).toMatch(/^unknown placeholder \{\{run\.idd\}\}; use one of \{\{run\.id\}\}, /);
    expect(message).toContain("{{job.name}}");
    expect(templateErrors("{{}}")[0]).toMatch(/^unknown placeholder \{\{\}\}/);
  });

  it("reports an unclosed {{ (tried: missing end, single brace end)", () => {
    expect(templateErrors("x={{run.id")).toEqual(['"{{run.id" is not closed with "}}"']);
    expect(templateErrors("{{run.id} and more text after it")).toEqual(['"{{run.id} and more text …" is not closed with "}}"']);
  });

  it("keeps placeholders out of the scheme, host and port", () => {
    expect(urlTemplateErrors("https://{{job.name}}.example.com/")).toEqual([
      "placeholders can only be used in the path, query or fragment, not in the scheme, host or port",
    ]);
    expect(urlTemplateErrors("https://example.com:{{run.attempt}}/")).toHaveLength(1);
    expect(urlTemplateErrors("https://example.com/{{job.id}}")).toEqual([]);
    expect(urlTemplateErrors("https://example.com?at={{run.scheduledFor}}")).toEqual([]);
  });

  it("refuses to render a template that was never validated", () => {
    expect(() => renderUrl("https://example.com/{{nope}}", context)).toThrow(/unknown placeholder \{\{nope\}\}/);
  });

  it("is checked where a job's config is validated, on the field that has it", () => {
    const parsed = JobConfig.safeParse({
      kind: "http",
      config: { method: "POST", url: "https://example.com/?slot={{run.slot}}", body: "{{run.id" },
    });
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["config.url", expect.stringMatching(/^unknown placeholder \{\{run\.slot\}\}/)],
      ["config.body", '"{{run.id" is not closed with "}}"'],
    ]);
  });
});
