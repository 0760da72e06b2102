// node-cron 4's next-match engine, which its public API only runs from "now". Its TimeMatcher class
// (dist/_shared.js, exported under the minified name `T`) takes any start date, so it can be measured
// like croner. It is not part of node-cron's public API (package.json "exports" has only "."), so
// it is loaded by file path; if a later node-cron renames it, this returns null and the benchmark
// reports node-cron's public API only.
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface NodeCronTimeMatcher {
  getNextMatch(date: Date): Date;
}
export type NodeCronTimeMatcherClass = new (pattern: string, timezone?: string) => NodeCronTimeMatcher;

export async function loadTimeMatcher(): Promise<{ TimeMatcher: NodeCronTimeMatcherClass; file: string } | null> {
  const entry = createRequire(import.meta.url).resolve("node-cron");
  const file = path.join(path.dirname(entry), "_shared.js");
  try {
    const shared = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const candidate = shared.T;
    if (typeof candidate === "function" && typeof (candidate.prototype as { getNextMatch?: unknown }).getNextMatch === "function") {
      return { TimeMatcher: candidate as NodeCronTimeMatcherClass, file };
    }
  } catch {
    // Layout changed: fall through.
  }
  return null;
}
