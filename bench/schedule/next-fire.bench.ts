// Next-fire benchmark: Sundial's schedule wrapper (lib/schedule) beside the bare libraries, in one run.
//
//   npm run bench:schedule                 # full run (~2–3 minutes on 2 cores), writes bench/RESULTS.md
//   BENCH_QUICK=1 npm run bench:schedule   # smoke run (seconds), writes nothing
//
// Knobs (environment): BENCH_ROUNDS (7), BENCH_BATCH_MS (60), BENCH_JOBS (100000), BENCH_CHUNK
// (5000), BENCH_OUT (bench/RESULTS.md; "-" = print only). Nothing here asserts on time: the
// figures are for reading, as ratios within this run.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Cron, type CronOptions } from "croner";
import nodeCron from "node-cron";
import { fireTimesOf, nextFireTimes, parseTrigger } from "../../lib/schedule/next-fire-times";
import { offsetAt } from "../../lib/schedule/zoned-time";
import type { Trigger } from "../../lib/validation/trigger";
import { BASE_AFTER, chainedAfters, cronJobs, JOB_ZONES, otherJobs, TYPICAL_EXPRESSIONS, TYPICAL_ZONES, type CronJob, type OtherJob } from "./fixtures";
import { fmt, interleaveChunks, interleaveThroughput, machine, median, spread, table, type ChunkRunner, type Throughput } from "./harness";
import { loadTimeMatcher } from "./node-cron-internals";

const env = process.env;
const QUICK = env.BENCH_QUICK === "1";
const ROUNDS = Number(env.BENCH_ROUNDS ?? (QUICK ? 3 : 7));
const BATCH_MS = Number(env.BENCH_BATCH_MS ?? (QUICK ? 10 : 60));
const JOBS = Number(env.BENCH_JOBS ?? (QUICK ? 3000 : 100_000));
const CHUNK = Number(env.BENCH_CHUNK ?? (QUICK ? 1000 : 5000));
const OTHER_CHUNK = Math.max(1, Math.round(CHUNK / 2));
const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = env.BENCH_OUT ?? (QUICK ? "-" : path.join(HERE, "..", "RESULTS.md"));
/** How many successive fires each per-expression contender walks through before starting over. */
const CHAIN = 512;

/** Exactly the options lib/schedule/cron.ts passes, so "bare" differs from Sundial only by the wrapper. */
const cronerOptions = (timezone: string): CronOptions => ({ timezone, mode: "5-or-6-parts", domAndDow: false });

const started = performance.now();
const log = (line: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1)}s] ${line}\n`);
let sink = 0; // results flow here so no call can be optimised away
const keep = (d: Date | null | undefined) => {
  sink += d ? d.getTime() & 1 : 0;
};

const timeMatcher = await loadTimeMatcher();
const NODE_CRON_VERSION = (JSON.parse(readFileSync(path.join(HERE, "..", "..", "node_modules", "node-cron", "package.json"), "utf8")) as { version: string }).version;
const CRONER_VERSION = (JSON.parse(readFileSync(path.join(HERE, "..", "..", "node_modules", "croner", "package.json"), "utf8")) as { version: string }).version;
const noop = () => {};

// ---------------------------------------------------------------------------------------------
// (a) Next-fire computations per second, per typical expression and zone.

type Combo = { expression: string; timezone: string; afters: Date[]; contenders: Throughput[]; mismatches: string[] };

function comboContenders(expression: string, timezone: string): Combo {
  const reused = new Cron(expression, cronerOptions(timezone));
  const afters = chainedAfters((after) => reused.nextRun(after), CHAIN);
  const n = afters.length;
  const input = { type: "cron", expression, timezone };
  const trigger = parseTrigger(input);
  const matcher = timeMatcher ? new timeMatcher.TimeMatcher(expression, timezone) : null;
  const contenders: Throughput[] = [
    { name: "croner reuse", fn: (i) => keep(reused.nextRun(afters[i % n])) },
    { name: "croner construct", fn: (i) => keep(new Cron(expression, cronerOptions(timezone)).nextRun(afters[i % n])) },
    { name: "Sundial fireTimesOf", fn: (i) => keep(fireTimesOf(trigger, afters[i % n]!, 1)[0]) },
    { name: "Sundial nextFireTimes", fn: (i) => keep(nextFireTimes(input, afters[i % n]!, 1)[0]) },
  ];
  if (timeMatcher && matcher) {
    const TM = timeMatcher.TimeMatcher;
    contenders.push(
      { name: "node-cron reuse", fn: (i) => keep(matcher.getNextMatch(afters[i % n]!)) },
      { name: "node-cron construct", fn: (i) => keep(new TM(expression, timezone).getNextMatch(afters[i % n]!)) },
    );
  }
  contenders.push({
    name: "node-cron public",
    fn: () => {
      const task = nodeCron.createTask(expression, noop, { timezone });
      keep(task.getNextRuns(1)[0]);
      void task.destroy();
    },
  });
  // Same answers? (Checked once, untimed, on the first 64 fires of the chain.)
  const mismatches: string[] = [];
  for (let i = 0; i < Math.min(64, n - 1); i += 1) {
    const want = afters[i + 1]!.getTime();
    const sundial = fireTimesOf(trigger, afters[i]!, 1)[0]?.getTime();
    if (sundial !== want) mismatches.push(`Sundial after ${afters[i]!.toISOString()}: ${iso(sundial)} (croner ${iso(want)})`);
    const nc = matcher?.getNextMatch(afters[i]!).getTime();
    if (matcher && nc !== want) mismatches.push(`node-cron after ${afters[i]!.toISOString()}: ${iso(nc)} (croner ${iso(want)})`);
  }
  return { expression, timezone, afters, contenders, mismatches };
}

const iso = (ms: number | undefined) => (ms === undefined ? "none" : new Date(ms).toISOString());

log(`croner ${CRONER_VERSION}, node-cron ${NODE_CRON_VERSION}; rounds ${ROUNDS}, batch ${BATCH_MS} ms, jobs ${JOBS}, chunk ${CHUNK}`);
const combos = TYPICAL_EXPRESSIONS.flatMap((expression) => TYPICAL_ZONES.map((timezone) => comboContenders(expression, timezone)));
const CONTENDER_NAMES = combos[0]!.contenders.map((c) => c.name);

log("(a) warm-up");
for (const combo of combos) interleaveThroughput(combo.contenders, 1, BATCH_MS / 2);
log("(a) measuring");
const perCombo = combos.map((combo) => {
  const samples = interleaveThroughput(combo.contenders, ROUNDS, BATCH_MS);
  const med = new Map([...samples].map(([name, s]) => [name, median(s)]));
  const noise = Math.max(...[...samples.values()].map(spread));
  return { combo, med, noise };
});
log("(a) done");

const ratio = (bareOps: number | undefined, sundialOps: number | undefined) => (bareOps && sundialOps ? bareOps / sundialOps : NaN);
const geomean = (xs: number[]) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);

const aOpsRows = perCombo.map(({ combo, med }) => [`\`${combo.expression}\``, combo.timezone, ...CONTENDER_NAMES.map((name) => fmt.ops(med.get(name)!))]);
const aRatioData = perCombo.map(({ combo, med, noise }) => ({
  combo,
  ftoVsConstruct: ratio(med.get("croner construct"), med.get("Sundial fireTimesOf")),
  ftoVsReuse: ratio(med.get("croner reuse"), med.get("Sundial fireTimesOf")),
  nftVsConstruct: ratio(med.get("croner construct"), med.get("Sundial nextFireTimes")),
  constructVsReuse: ratio(med.get("croner reuse"), med.get("croner construct")),
  noise,
}));
const aGeo = {
  ftoVsConstruct: geomean(aRatioData.map((r) => r.ftoVsConstruct)),
  ftoVsReuse: geomean(aRatioData.map((r) => r.ftoVsReuse)),
  nftVsConstruct: geomean(aRatioData.map((r) => r.nftVsConstruct)),
  constructVsReuse: geomean(aRatioData.map((r) => r.constructVsReuse)),
};
const aRatioRows = [
  ...aRatioData.map((r) => [`\`${r.combo.expression}\``, r.combo.timezone, fmt.ratio(r.ftoVsConstruct), fmt.ratio(r.nftVsConstruct), fmt.ratio(r.ftoVsReuse), fmt.ratio(r.constructVsReuse), fmt.pct(r.noise)]),
  ["**geometric mean**", "", `**${fmt.ratio(aGeo.ftoVsConstruct)}**`, `**${fmt.ratio(aGeo.nftVsConstruct)}**`, `**${fmt.ratio(aGeo.ftoVsReuse)}**`, `**${fmt.ratio(aGeo.constructVsReuse)}**`, ""],
];
const aMismatches = combos.flatMap((c) => c.mismatches.map((m) => `\`${c.expression}\` ${c.timezone}: ${m}`));

// ---------------------------------------------------------------------------------------------
// (b) nextRunAt for 100,000 jobs: construct + next once per job, as the worker does after a fire.

log(`(b) building ${JOBS} cron jobs`);
const jobs = cronJobs(JOBS);
// fireTimesOf gets the stored trigger as is (it is already in the checked shape; the nextFireTimes pass
// below validates every one of them and would throw on a bad one). Parsing 100k here would only add time.
const parsed: Trigger[] = jobs.map((job) => job.trigger);
const results = new Map<string, Float64Array>();
const resultsOf = (name: string) => {
  let r = results.get(name);
  if (!r) results.set(name, (r = new Float64Array(jobs.length).fill(NaN)));
  return r;
};
const nodeCronErrors: string[] = [];

const cronRunners: ChunkRunner<CronJob>[] = [
  {
    name: "croner construct + nextRun",
    run: (slice, offset) => {
      const out = resultsOf("croner construct + nextRun");
      for (let j = 0; j < slice.length; j += 1) {
        const { trigger, after } = slice[j]!;
        out[offset + j] = new Cron(trigger.expression, cronerOptions(trigger.timezone)).nextRun(after)?.getTime() ?? NaN;
      }
    },
  },
  {
    name: "Sundial fireTimesOf",
    run: (slice, offset) => {
      const out = resultsOf("Sundial fireTimesOf");
      for (let j = 0; j < slice.length; j += 1) out[offset + j] = fireTimesOf(parsed[offset + j]!, slice[j]!.after, 1)[0]?.getTime() ?? NaN;
    },
  },
  {
    name: "Sundial nextFireTimes",
    run: (slice, offset) => {
      const out = resultsOf("Sundial nextFireTimes");
      for (let j = 0; j < slice.length; j += 1) out[offset + j] = nextFireTimes(slice[j]!.trigger, slice[j]!.after, 1)[0]?.getTime() ?? NaN;
    },
  },
];
if (timeMatcher) {
  const TM = timeMatcher.TimeMatcher;
  cronRunners.push({
    name: "node-cron construct + getNextMatch",
    run: (slice, offset) => {
      const out = resultsOf("node-cron construct + getNextMatch");
      for (let j = 0; j < slice.length; j += 1) {
        const { trigger, after } = slice[j]!;
        try {
          out[offset + j] = new TM(trigger.expression, trigger.timezone).getNextMatch(after).getTime();
        } catch (error) {
          if (nodeCronErrors.length < 5) nodeCronErrors.push(`\`${trigger.expression}\` ${trigger.timezone}: ${(error as Error).message}`);
        }
      }
    },
  });
}

log("(b) warm-up");
interleaveChunks(jobs.slice(0, Math.min(2000, jobs.length)), 500, cronRunners);
results.clear();
log("(b) measuring cron jobs");
const bSamples = interleaveChunks(jobs, CHUNK, cronRunners);
log("(b) done");

const perHundredK = (chunkMs: number[], chunk: number) => (median(chunkMs) * 100_000) / chunk;
const bStats = [...bSamples].map(([name, s]) => ({ name, per100k: perHundredK(s, Math.min(CHUNK, jobs.length)), total: s.reduce((a, b) => a + b, 0), noise: spread(s) }));
const bBare = bStats.find((s) => s.name === "croner construct + nextRun")!;
const bRows = bStats.map((s) => [s.name, fmt.ms(s.per100k), fmt.ms(s.total), fmt.us((s.per100k * 1000) / 100_000), fmt.ratio(s.per100k / bBare.per100k), fmt.ratio(s.total / bBare.total), fmt.pct(s.noise)]);

// Do they agree? Sundial must equal croner exactly; node-cron is a different engine.
const bare = results.get("croner construct + nextRun")!;
const disagreements = (name: string) => {
  const other = results.get(name);
  if (!other) return { count: NaN, inGap: 0, inOverlap: 0, examples: [] as string[] };
  const examples: string[] = [];
  let count = 0;
  let inGap = 0; // croner's answer is a spring-forward instant: the wall time fell into a DST gap
  let inOverlap = 0; // croner's answer is shortly before a fall-back: the wall time occurs twice
  for (let i = 0; i < jobs.length; i += 1) {
    if (other[i] === bare[i] || (Number.isNaN(other[i]) && Number.isNaN(bare[i]))) continue;
    count += 1;
    const zone = jobs[i]!.trigger.timezone;
    if (!Number.isNaN(bare[i]) && offsetAt(bare[i]! - 60_000, zone) < offsetAt(bare[i]!, zone)) inGap += 1;
    else if (!Number.isNaN(bare[i]) && offsetAt(bare[i]! + 2 * 3_600_000, zone) < offsetAt(bare[i]!, zone)) inOverlap += 1;
    if (examples.length < 3) {
      const { trigger, after } = jobs[i]!;
      examples.push(`\`${trigger.expression}\` ${trigger.timezone} after ${after.toISOString()}: ${iso(Number.isNaN(other[i]!) ? undefined : other[i])} (croner ${iso(Number.isNaN(bare[i]!) ? undefined : bare[i])})`);
    }
  }
  return { count, inGap, inOverlap, examples };
};
const agreeFto = disagreements("Sundial fireTimesOf");
const agreeNft = disagreements("Sundial nextFireTimes");
const agreeNodeCron = disagreements("node-cron construct + getNextMatch");

log("(b) Sundial-only triggers");
const otherTypes = ["interval", "date", "calendar"] as const;
const otherPerType = Math.ceil(JOBS / otherTypes.length);
const otherRows = otherTypes.map((type) => {
  const list = otherJobs(type, otherPerType);
  const checked: Trigger[] = list.map((job) => job.trigger);
  const runners: ChunkRunner<OtherJob>[] = [
    { name: "fto", run: (slice, offset) => slice.forEach((job, j) => keep(fireTimesOf(checked[offset + j]!, job.after, 1)[0])) },
    { name: "nft", run: (slice) => slice.forEach((job) => keep(nextFireTimes(job.trigger, job.after, 1)[0])) },
  ];
  interleaveChunks(list.slice(0, 1000), 250, runners);
  const s = interleaveChunks(list, OTHER_CHUNK, runners);
  const chunk = Math.min(OTHER_CHUNK, list.length);
  const fto = perHundredK(s.get("fto")!, chunk);
  const nft = perHundredK(s.get("nft")!, chunk);
  return { type, count: list.length, fto, nft };
});
log("(b) done");

// ---------------------------------------------------------------------------------------------
// Report.

const m = machine();
const now = new Date();
const TARGET = 1.5;
const bFto = bStats.find((s) => s.name === "Sundial fireTimesOf")!;
const bNft = bStats.find((s) => s.name === "Sundial nextFireTimes")!;
const bNodeCron = bStats.find((s) => s.name === "node-cron construct + getNextMatch");
const validationUsPerJob = ((bNft.per100k - bFto.per100k) * 1000) / 100_000;
const verdict = (r: number) => (r < TARGET ? `met (${fmt.ratio(r)})` : `missed (${fmt.ratio(r)}, ${fmt.ratio(r / TARGET)} over the target)`);

const aHeader = ["Expression", "Zone", ...CONTENDER_NAMES];
const sections: string[] = [];
sections.push(`# Schedule benchmark: Sundial's next-fire computation beside croner and node-cron

Generated by \`npm run bench:schedule\` (bench/schedule/next-fire.bench.ts) on ${now.toISOString().slice(0, 16).replace("T", " ")} UTC.
All figures come from this one run; only the ratios within it are meaningful (the machine is shared).

## Machine

- Node ${m.node}, ${m.os}
- \`nproc\`: ${m.nproc}; CPU: ${m.cpu}
- croner ${CRONER_VERSION}, node-cron ${NODE_CRON_VERSION}

## Method

- **Contenders run interleaved**: in each round every contender runs once, in an order rotated every round
  (A B C, B C A, C A B, …), so load from a neighbour falls on all of them. Each contender is summarised by
  its **median**, and ratios are **ratios of medians**. Everything is warmed up first (one untimed pass).
- **Cost ratio** = Sundial's time per computation ÷ the bare library's (above 1 = Sundial is slower).
  The target from the issue is a cost ratio under ${TARGET}×.
- Bare croner gets exactly the options Sundial passes (\`{ timezone, mode: "5-or-6-parts", domAndDow: false }\`),
  so the comparison isolates the wrapper.
- **(a) per expression**: ${ROUNDS} rounds × ${BATCH_MS} ms per contender, for each of ${TYPICAL_EXPRESSIONS.length} expressions × ${TYPICAL_ZONES.length} zones.
  Every contender replays the same ${CHAIN} successive \`after\` instants (each the previous fire, starting
  ${BASE_AFTER.toISOString()}, one day before the US DST change), i.e. what a worker asks after each fire.
  *croner reuse*: one \`Cron\` per expression, \`nextRun(after)\` per call. *croner construct*:
  \`new Cron(expr, opts).nextRun(after)\` per call. *Sundial fireTimesOf*: \`fireTimesOf(trigger, after, 1)\` on a
  trigger parsed once (it constructs a \`Cron\` per call). *Sundial nextFireTimes*: \`nextFireTimes(input, after, 1)\`
  (zod + croner validation, then the same). node-cron: see (c).
- **(b) 100,000 jobs**: ${jobs.length.toLocaleString("en-US")} cron jobs with distinct (expression, zone) pairs — six families
  shaped like the typical expressions with varied fields (e.g. \`17 6 * * 1-5\`, \`3-59/5 8-18 * * *\`, \`4-59/10 * 9-17 * * *\`,
  \`@daily\`), over ${JOB_ZONES.length} zones (${JOB_ZONES.join(", ")}), each with its own \`after\` in March 2026.
  Each contender computes one next fire per job (construct + next, as the worker does once per fire from the
  stored trigger). The jobs are cut into chunks of ${CHUNK.toLocaleString("en-US")}; each chunk is run by every contender
  in rotating order. *ms per 100k* = median chunk time scaled to 100,000 jobs; *total* = the sum over all chunks
  (one full pass). \`fireTimesOf\` gets each trigger as stored (already in the checked shape; the \`nextFireTimes\`
  pass validates every one of them).
- Sundial-only triggers (interval, date, calendar: no bare-library equivalent) are timed the same way,
  ${otherPerType.toLocaleString("en-US")} distinct triggers per type, chunks of ${OTHER_CHUNK.toLocaleString("en-US")}, scaled to 100,000.`);

sections.push(`## (a) Next-fire computations per second (median ops/s)

${table(aHeader, aOpsRows)}

Cost ratios (Sundial ÷ bare; from the medians above) and noise (the largest interquartile range / median among the contenders' ${ROUNDS} samples):

${table(
  ["Expression", "Zone", "fireTimesOf ÷ croner construct", "nextFireTimes ÷ croner construct", "fireTimesOf ÷ croner reuse", "croner construct ÷ croner reuse", "noise"],
  aRatioRows,
)}

*fireTimesOf ÷ croner construct* is like for like (both build a \`Cron\` and ask once) and is the wrapper's
own cost. *fireTimesOf ÷ croner reuse* mixes in the cost of building the \`Cron\`, which the bare library also
pays whenever it is given a new expression; it is what caching a \`Cron\` per job would win.`);

sections.push(`## (b) nextRunAt for 100,000 jobs

${table(["Contender", "ms per 100k (median chunk)", "total ms (one pass)", "µs per job (median)", "ratio of medians vs croner", "ratio of totals vs croner", "noise (IQR / median of chunks)"], bRows)}

Agreement with croner over all ${jobs.length.toLocaleString("en-US")} jobs: Sundial fireTimesOf differs on ${agreeFto.count}, nextFireTimes on ${agreeNft.count}${
  bNodeCron
    ? `, node-cron on ${agreeNodeCron.count}: ${agreeNodeCron.inGap} are wall times in a spring-forward DST gap (croner, and so Sundial, fires at the end of the gap; node-cron skips to the next matching day) and ${agreeNodeCron.inOverlap} are wall times that occur twice at a fall-back (croner fires at the first occurrence, node-cron at the second)`
    : ""
}.${agreeNodeCron.examples.length ? `\n\nnode-cron examples:\n${agreeNodeCron.examples.map((e) => `\n- ${e}`).join("")}` : ""}${
  nodeCronErrors.length ? `\n\nnode-cron errors:\n${nodeCronErrors.map((e) => `\n- ${e}`).join("")}` : ""
}${[...agreeFto.examples, ...agreeNft.examples].length ? `\n\nSundial examples:\n${[...agreeFto.examples, ...agreeNft.examples].map((e) => `\n- ${e}`).join("")}` : ""}

Sundial-only triggers (no bare library underneath), ms per 100,000:

${table(
  ["Trigger type", "fireTimesOf ms/100k", "nextFireTimes ms/100k", "nextFireTimes ÷ fireTimesOf"],
  otherRows.map((r) => [r.type, fmt.ms(r.fto), fmt.ms(r.nft), fmt.ratio(r.nft / r.fto)]),
)}`);

sections.push(`## (c) node-cron ${NODE_CRON_VERSION}: what it can do

node-cron's public API can compute a next fire time in a timezone only **from the current time**:
\`createTask(expr, fn, { timezone })\` returns a task whose \`getNextRuns(count)\` walks from \`new Date()\`
(node_modules/node-cron/dist/_shared.js, \`InlineScheduledTask.getNextRuns\`), and whose \`getNextRun()\`
returns \`null\` unless the task is started (it then asks \`Runner.nextRun()\`, again from \`new Date()\`).
There is no public way to pass an \`after\` instant, so it cannot compute "the next fire after the last one"
that a worker needs, and it schedules with its own timers. The engine underneath, \`TimeMatcher.getNextMatch(date)\`
(same file; class \`TimeMatcher\`, exported only under the minified name \`T\`, not reachable through the package's
\`exports\`), does take any date. This benchmark measures both:

- *node-cron reuse* / *node-cron construct*: \`TimeMatcher\` loaded by file path (bench/schedule/node-cron-internals.ts),
  \`getNextMatch(after)\` on one matcher / on a new matcher per call — like for like with croner${timeMatcher ? "" : " (**not available in this version: skipped**)"}.
- *node-cron public*: \`createTask\` + \`getNextRuns(1)\` (from now) + \`destroy()\` per call: the public API's
  cost, including its validation; its \`after\` is "now", so it is for scale only.

node-cron is not what Sundial builds on (lib/schedule/cron.ts uses croner), so the target is measured against croner;
node-cron is here for scale. Where the two disagree it is an engine difference, not a benchmark error (see (b)).`);

const aTargetLikeForLike = aGeo.ftoVsConstruct;
const interpretation = `## Interpretation

Against bare croner doing the same work (construct + next), Sundial's \`fireTimesOf\` — the hot path for a
stored, already-checked trigger — costs ${fmt.ratio(aTargetLikeForLike)} (geometric mean over the ${combos.length} expression/zone pairs in (a)) and
${fmt.ratio(bFto.per100k / bBare.per100k)} over 100,000 jobs in (b) (ratio of totals ${fmt.ratio(bFto.total / bBare.total)}): the 1.5× target is **${verdict(Math.max(aTargetLikeForLike, bFto.per100k / bBare.per100k))}** for it.
\`nextFireTimes\`, which re-validates the trigger on every call, costs ${fmt.ratio(aGeo.nftVsConstruct)} in (a) and ${fmt.ratio(bNft.per100k / bBare.per100k)} in (b) (totals ${fmt.ratio(bNft.total / bBare.total)}):
the target is **${verdict(Math.max(aGeo.nftVsConstruct, bNft.per100k / bBare.per100k))}** for it. The validation alone adds about ${fmt.us(validationUsPerJob)} µs per job
(${fmt.ms(bNft.per100k - bFto.per100k)} ms per 100k), on top of croner's ${fmt.us((bBare.per100k * 1000) / 100_000)} µs: the trigger's zod check, and for
expressions that restrict both day-of-month and month, a search for a date they match (30 February never does); croner's parse of the
expression during validation is kept for the computation that follows (lib/schedule/cron.ts remembers the last parse). That memo is also
why \`fireTimesOf\` beats *croner construct* in (a), where consecutive calls ask about the same expression: there, compare it with
*croner reuse* (${fmt.ratio(aGeo.ftoVsReuse)}; croner construct is ${fmt.ratio(aGeo.constructVsReuse)} its reuse figure). In (b) every job is a new
expression, so (b) is the like-for-like comparison for the worker, which computes \`nextRunAt\` once per fire from the stored trigger: it is the
one that matters, provided it calls \`fireTimesOf\` on the stored trigger rather than \`nextFireTimes\`.${
  bNodeCron ? ` node-cron's engine needs ${fmt.ratio(bNodeCron.per100k / bBare.per100k)} croner's time on the same 100,000 jobs.` : ""
}`;

// Notes written by hand (profiles, suggestions) survive re-runs between these markers.
const NOTES_START = "<!-- notes:start -->";
const NOTES_END = "<!-- notes:end -->";
let notes = `${NOTES_START}\n## Notes\n\n(Hand-written notes go here; the benchmark keeps this block when it rewrites the file.)\n${NOTES_END}`;
if (OUT !== "-") {
  try {
    const previous = readFileSync(OUT, "utf8");
    const from = previous.indexOf(NOTES_START);
    const to = previous.indexOf(NOTES_END);
    if (from >= 0 && to > from) notes = previous.slice(from, to + NOTES_END.length);
  } catch {
    // First run: no previous file.
  }
}

const extra = aMismatches.length ? `\n\nPer-expression disagreements with croner (first 64 fires):\n${aMismatches.slice(0, 8).map((x) => `- ${x}`).join("\n")}` : "";
const report = `${sections.join("\n\n")}${extra}\n\n${interpretation}\n\n${notes}\n`;
process.stdout.write(`${report}\n`);
if (OUT !== "-") {
  writeFileSync(OUT, report);
  log(`wrote ${path.relative(process.cwd(), OUT)}`);
}
log(`total ${((performance.now() - started) / 1000).toFixed(1)} s (sink ${sink & 1})`);
