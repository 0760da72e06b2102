import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/lib/env";
import { presentsMetricsToken } from "@/lib/metrics/metrics-token";

const TOKEN = "scrape-token-0123456789abcdef";

describe("presentsMetricsToken", () => {
  it("accepts the token as a Bearer credential, the scheme in any case", () => {
    expect(presentsMetricsToken(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(presentsMetricsToken(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(presentsMetricsToken(`Bearer  ${TOKEN} `, TOKEN)).toBe(true);
  });

  it("refuses no header, another scheme, a prefix, an extension, another token, two tokens", () => {
    for (const header of [null, "", "Bearer", "Bearer ", `Basic ${TOKEN}`, TOKEN, `Bearer ${TOKEN.slice(0, -1)}`, `Bearer ${TOKEN}x`, "Bearer sdl_someapitoken", `Bearer ${TOKEN} ${TOKEN}`]) {
      expect(presentsMetricsToken(header, TOKEN), String(header)).toBe(false);
    }
  });
});

describe("SUNDIAL_METRICS_TOKEN", () => {
  function problemsOf(value: string): string[] {
    try {
      parseEnv({ SUNDIAL_METRICS_TOKEN: value });
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  }

  it("is optional: unset and empty both mean no token", () => {
    expect(parseEnv({}).SUNDIAL_METRICS_TOKEN).toBeUndefined();
    expect(parseEnv({ SUNDIAL_METRICS_TOKEN: "" }).SUNDIAL_METRICS_TOKEN).toBeUndefined();
    expect(parseEnv({ SUNDIAL_METRICS_TOKEN: TOKEN }).SUNDIAL_METRICS_TOKEN).toBe(TOKEN);
  });

  it("names a short token and one with whitespace", () => {
    expect(problemsOf("short")).toEqual(["SUNDIAL_METRICS_TOKEN must be at least 16 characters long (got 5); `openssl rand -hex 24` makes one"]);
    expect(problemsOf("a token with spaces in it")).toEqual(["SUNDIAL_METRICS_TOKEN must not contain spaces or other whitespace"]);
  });
});
