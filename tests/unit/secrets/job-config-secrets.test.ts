import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { maskJobConfigSecrets, sealJobConfigSecrets } from "@/lib/secrets/job-config-secrets";
import { isSealed, openSecret, sealSecret } from "@/lib/secrets/seal";
import { deriveSealingKey } from "@/lib/secrets/sealing-key";
import { JobConfig } from "@/lib/validation/job-config";

const key = deriveSealingKey("unit-test secret, long enough to be a real one");
const open = (value: string) => openSecret(value, "test", key);

function httpJob(headers: { name: string; value: string | null; secret?: boolean }[]) {
  return JobConfig.parse({ kind: "http", config: { url: "https://example.com/hook", headers } });
}
function shellJob(env: { name: string; value: string | null; secret?: boolean }[]) {
  return JobConfig.parse({ kind: "shell", config: { program: "/bin/true", env } });
}
const headersOf = (job: JobConfig) => (job.kind === "http" ? job.config.headers : []);
const envOf = (job: JobConfig) => (job.kind === "shell" ? job.config.env : []);

function fieldErrorsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).fieldErrors;
  }
  throw new Error("expected a ValidationError");
}

describe("sealJobConfigSecrets", () => {
  it("seals header values marked secret and leaves the others as sent", () => {
    const sealed = sealJobConfigSecrets(
      httpJob([
        { name: "Authorization", value: "Bearer s3cr3t", secret: true },
        { name: "Accept", value: "application/json" },
      ]),
      undefined,
      key,
    );
    const [authorization, accept] = headersOf(sealed);
    expect(isSealed(authorization!.value)).toBe(true);
    expect(open(authorization!.value)).toBe("Bearer s3cr3t");
    expect(accept).toEqual({ name: "Accept", value: "application/json", secret: false });
    expect(JSON.stringify(sealed)).not.toContain("s3cr3t");
  });

  it("seals shell variables marked secret; leaves task jobs alone", () => {
    const sealed = sealJobConfigSecrets(shellJob([{ name: "API_TOKEN", value: "t0ken", secret: true }]), undefined, key);
    expect(open(envOf(sealed)[0]!.value)).toBe("t0ken");
    const task = JobConfig.parse({ kind: "task", config: { task: "sundial.prune-runs" } });
    expect(sealJobConfigSecrets(task, undefined, key)).toBe(task);
  });

  it("refuses a new secret with an empty (or null) value, naming its field", () => {
    const job = httpJob([
      { name: "Accept", value: "" },
      { name: "Authorization", value: null, secret: true },
    ]);
    expect(fieldErrorsOf(() => sealJobConfigSecrets(job, undefined, key))).toEqual({ "config.headers.1.value": ["a secret needs a value"] });
    expect(fieldErrorsOf(() => sealJobConfigSecrets(shellJob([{ name: "TOKEN", value: "", secret: true }]), undefined, key))).toEqual({
      "config.env.0.value": ["a secret needs a value"],
    });
  });

  describe("on update, with the stored config as previous", () => {
    const stored = sealJobConfigSecrets(httpJob([{ name: "Authorization", value: "Bearer old", secret: true }]), undefined, key);
    const storedValue = headersOf(stored)[0]!.value;

    it("keeps the stored sealed value of a secret left empty (header names ignore case), byte for byte", () => {
      const updated = sealJobConfigSecrets(httpJob([{ name: "authorization", value: "", secret: true }]), stored, key);
      expect(headersOf(updated)[0]!.value).toBe(storedValue);
    });

    it("seals a new value afresh", () => {
      const updated = sealJobConfigSecrets(httpJob([{ name: "Authorization", value: "Bearer new", secret: true }]), stored, key);
      expect(open(headersOf(updated)[0]!.value)).toBe("Bearer new");
    });

    it("keeps the stored value sent back unchanged, but seals any other sealed-looking value as plaintext", () => {
      const sentBack = sealJobConfigSecrets(httpJob([{ name: "Authorization", value: storedValue, secret: true }]), stored, key);
      expect(headersOf(sentBack)[0]!.value).toBe(storedValue);
      const foreign = sealSecret("from another job", key);
      const pasted = sealJobConfigSecrets(httpJob([{ name: "Authorization", value: foreign, secret: true }]), stored, key);
      expect(open(headersOf(pasted)[0]!.value)).toBe(foreign);
    });

    it("seals a plaintext value stored before sealing existed when it is kept", () => {
      const legacy = { kind: "http", config: { url: "https://example.com/hook", headers: [{ name: "Authorization", value: "Bearer legacy", secret: true }] } };
      const updated = sealJobConfigSecrets(httpJob([{ name: "Authorization", value: "", secret: true }]), legacy, key);
      expect(open(headersOf(updated)[0]!.value)).toBe("Bearer legacy");
    });

    it("keeps nothing from another entry name, a non-secret entry, or another kind", () => {
      const job = httpJob([{ name: "X-Api-Key", value: "", secret: true }]);
      expect(fieldErrorsOf(() => sealJobConfigSecrets(job, stored, key))).toEqual({ "config.headers.0.value": ["a secret needs a value"] });
      const plainBefore = httpJob([{ name: "X-Api-Key", value: "visible" }]);
      expect(fieldErrorsOf(() => sealJobConfigSecrets(job, plainBefore, key))).toHaveProperty(["config.headers.0.value"]);
      const shellBefore = sealJobConfigSecrets(shellJob([{ name: "TOKEN", value: "t", secret: true }]), undefined, key);
      expect(fieldErrorsOf(() => sealJobConfigSecrets(shellJob([{ name: "token", value: "", secret: true }]), shellBefore, key))).toHaveProperty([
        "config.env.0.value",
      ]);
      expect(fieldErrorsOf(() => sealJobConfigSecrets(shellJob([{ name: "Authorization", value: "", secret: true }]), stored, key))).toHaveProperty([
        "config.env.0.value",
      ]);
    });

    it("stores an entry no longer marked secret as sent", () => {
      const updated = sealJobConfigSecrets(httpJob([{ name: "Authorization", value: "now public" }]), stored, key);
      expect(headersOf(updated)[0]).toEqual({ name: "Authorization", value: "now public", secret: false });
    });
  });
});

describe("maskJobConfigSecrets", () => {
  it("shows of a secret only that it is set", () => {
    const stored = sealJobConfigSecrets(
      httpJob([
        { name: "Authorization", value: "Bearer s3cr3t", secret: true },
        { name: "Accept", value: "application/json" },
      ]),
      undefined,
      key,
    );
    const masked = maskJobConfigSecrets(stored);
    expect(masked.kind === "http" && masked.config.headers).toEqual([
      { name: "Authorization", value: null, secret: true, set: true },
      { name: "Accept", value: "application/json", secret: false },
    ]);
    expect(JSON.stringify(masked)).not.toMatch(/s3cr3t|sdl-sealed/);
    const shell = maskJobConfigSecrets(shellJob([{ name: "TOKEN", value: "x", secret: true }]));
    expect(shell.kind === "shell" && shell.config.env).toEqual([{ name: "TOKEN", value: null, secret: true, set: true }]);
  });

  it("a masked job sent back parses, its secret empty (to be kept)", () => {
    const masked = maskJobConfigSecrets(httpJob([{ name: "Authorization", value: "v", secret: true }]));
    expect(headersOf(JobConfig.parse(masked))).toEqual([{ name: "Authorization", value: "", secret: true }]);
  });
});

describe("secret-capable values in the job config schema", () => {
  it("refuses line breaks and NUL in header values, NUL in variables (their errors would quote the value)", () => {
    const header = JobConfig.safeParse({ kind: "http", config: { url: "https://example.com/", headers: [{ name: "X", value: "a\r\nInjected: 1", secret: true }] } });
    expect(header.success).toBe(false);
    expect(header.error?.issues[0]).toMatchObject({ path: ["config", "headers", 0, "value"], message: "must not contain line breaks or NUL characters" });
    const variable = JobConfig.safeParse({ kind: "shell", config: { program: "/bin/true", env: [{ name: "X", value: "a\0b" }] } });
    expect(variable.error?.issues[0]).toMatchObject({ path: ["config", "env", 0, "value"], message: "must not contain NUL characters" });
    expect(JobConfig.safeParse({ kind: "shell", config: { program: "/bin/true", env: [{ name: "PEM", value: "line 1\nline 2" }] } }).success).toBe(true);
  });
});
