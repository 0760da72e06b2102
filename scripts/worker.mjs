// `npm run worker` (and the worker `npm start` runs): builds the worker's bundle if it is missing or
// older than its sources, then runs it in this process.
//
// The worker runs as one bundled ES module (esbuild: our TypeScript and its `@/` imports in, npm
// packages left as imports) rather than through tsx, which transpiled every module at each start,
// on a loader thread of its own. Plain Node so it runs before anything is built.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { buildSync } from "esbuild";
import { isStale } from "./newest-mtime.mjs";

const ENTRY = "worker/index.ts";
const BUNDLE = resolve("dist/worker/index.mjs");
const SOURCES = ["worker", "lib", "generated", "package.json", "package-lock.json", "tsconfig.json"];

if (isStale(BUNDLE, SOURCES)) {
  // Several workers may start at once (tests, an operator's script): each writes its files under
  // names of its own and renames them into place, the bundle last, so none imports a half-written one.
  const { outputFiles } = buildSync({ entryPoints: [ENTRY], outfile: BUNDLE, write: false, bundle: true, platform: "node", format: "esm", packages: "external", sourcemap: "linked", sourcesContent: false, logLevel: "warning" });
  mkdirSync(dirname(BUNDLE), { recursive: true });
  for (const file of outputFiles.sort((a, b) => Number(a.path === BUNDLE) - Number(b.path === BUNDLE))) {
    const partial = `${file.path}.${process.pid}.partial`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
}
// A failed run's stack (recorded with the run) names worker/ and lib/ lines, not the bundle's.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(BUNDLE).href);
