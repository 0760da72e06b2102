// Summarises a V8 .cpuprofile (from node --cpu-prof): self time per function, and inclusive time
// per function for the repository's own code (lib/), so "where does the time go" reads off directly.
//   node bench/schedule/cpuprofile-summary.mjs file.cpuprofile [top=25]
import { readFileSync } from "node:fs";

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: node bench/schedule/cpuprofile-summary.mjs file.cpuprofile [top]");
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8"));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const interval = new Map();
// Sample weights: time deltas attributed to the sampled node.
profile.samples.forEach((id, i) => interval.set(id, (interval.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...interval.values()].reduce((a, b) => a + b, 0);

const short = (url) => url.replace(/^file:\/\//, "").replace(/^.*\/(node_modules\/)/, "$1").replace(/^.*\/work\/main\//, "");
const label = (n) => {
  const { functionName, url, lineNumber } = n.callFrame;
  return `${functionName || "(anonymous)"} ${url ? `${short(url)}:${lineNumber + 1}` : "(native)"}`;
};

const self = new Map();
for (const n of profile.nodes) {
  const t = interval.get(n.id) ?? 0;
  if (t) self.set(label(n), (self.get(label(n)) ?? 0) + t);
}

// Inclusive: for each node, the time of its subtree; per function, count a subtree once even if the
// function appears again below itself.
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map();
for (const [id, t] of interval) {
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur));
    if (seen.has(l)) continue;
    seen.add(l);
    inclusive.set(l, (inclusive.get(l) ?? 0) + t);
  }
}

const pct = (t) => `${((100 * t) / total).toFixed(1).padStart(5)}%`;
console.log(`total sampled: ${(total / 1000).toFixed(0)} ms\n\nself time, top ${top}:`);
for (const [l, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(t)}  ${l}`);
console.log("\ninclusive time, lib/ and bench/ functions and croner/zod entry points:");
for (const [l, t] of [...inclusive].sort((a, b) => b[1] - a[1])) {
  if (/ (lib|bench)\//.test(l) || /^(Cron|nextRun|safeParse|_parse|DateTimeFormat) /.test(l)) console.log(`${pct(t)}  ${l}`);
}
