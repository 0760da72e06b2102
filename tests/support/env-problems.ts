import { ConfigError, parseEnv } from "@/lib/env";

/** The problems parseEnv reports for a settings source that must be refused. */
export function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
}
