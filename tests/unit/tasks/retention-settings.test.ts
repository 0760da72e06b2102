import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/lib/env";

describe("retention settings", () => {
  it("default to 30 days and 1000 runs per job", () => {
    expect(parseEnv({})).toMatchObject({ SUNDIAL_RETENTION_DAYS: 30, SUNDIAL_RETENTION_RUNS: 1000 });
    expect(parseEnv({ SUNDIAL_RETENTION_DAYS: "7", SUNDIAL_RETENTION_RUNS: "50" })).toMatchObject({ SUNDIAL_RETENTION_DAYS: 7, SUNDIAL_RETENTION_RUNS: 50 });
  });

  it("refuse SUNDIAL_RETENTION_DAYS=0 and SUNDIAL_RETENTION_RUNS=lots, naming both", () => {
    expect(() => parseEnv({ SUNDIAL_RETENTION_DAYS: "0", SUNDIAL_RETENTION_RUNS: "lots" })).toThrow(
      new ConfigError(["SUNDIAL_RETENTION_DAYS must be at least 1, got 0", 'SUNDIAL_RETENTION_RUNS must be a whole number, got "lots"']),
    );
  });
});
