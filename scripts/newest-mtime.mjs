// Whether a build is older than its sources: shared by `npm start` (the dashboard) and the worker's
// bundle. Plain Node so it runs before anything is built.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Newest modification time under the given paths (files or folders), in ms. */
export function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.forEach(visit);
  return newest;
}

/** True when `output` is missing or older than anything under `inputs`. */
export function isStale(output, inputs) {
  return !existsSync(output) || newestMtime(inputs) > statSync(output).mtimeMs;
}
