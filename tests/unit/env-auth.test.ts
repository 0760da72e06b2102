import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { problemsOf } from "../support/env-problems";


describe("account settings", () => {
  it("are all optional, and empty means unset", () => {
    const env = parseEnv({ SUNDIAL_SECRET: "", SUNDIAL_PUBLIC_URL: "", SUNDIAL_ADMIN_EMAIL: "", SUNDIAL_ADMIN_PASSWORD: "" });
    expect([env.SUNDIAL_SECRET, env.SUNDIAL_PUBLIC_URL, env.SUNDIAL_ADMIN_EMAIL, env.SUNDIAL_ADMIN_PASSWORD]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("seed the first admin with a lower-cased email; the public URL keeps only its origin", () => {
    const env = parseEnv({ SUNDIAL_ADMIN_EMAIL: "Ops@Example.com", SUNDIAL_ADMIN_PASSWORD: "twelve chars", SUNDIAL_PUBLIC_URL: "https://sundial.example.com/" });
    expect(env.SUNDIAL_ADMIN_EMAIL).toBe("ops@example.com");
    expect(env.SUNDIAL_PUBLIC_URL).toBe("https://sundial.example.com");
  });

  it("name a short password, a bad email, a short secret and a URL that is not http(s)", () => {
    expect(problemsOf({ SUNDIAL_ADMIN_EMAIL: "ops", SUNDIAL_ADMIN_PASSWORD: "hunter2", SUNDIAL_SECRET: "abc", SUNDIAL_PUBLIC_URL: "ftp://x" })).toEqual([
      "SUNDIAL_SECRET must be at least 32 characters long (got 3); `openssl rand -base64 32` makes one",
      'SUNDIAL_PUBLIC_URL must be an http:// or https:// URL, got "ftp://x"',
      'SUNDIAL_ADMIN_EMAIL is not an email address: "ops"',
      "SUNDIAL_ADMIN_PASSWORD must be at least 12 characters long",
    ]);
  });

  it("want the admin's email and password together", () => {
    expect(problemsOf({ SUNDIAL_ADMIN_EMAIL: "ops@example.com" })).toEqual([
      "SUNDIAL_ADMIN_EMAIL and SUNDIAL_ADMIN_PASSWORD seed the first admin together: set both or neither",
    ]);
  });
});
