// What nextFireTimes would cost with the two changes suggested in bench/RESULTS.md (a cached time-zone
// check, and one Cron shared by validation and computation), beside today's code and bare croner.
// A sketch to size the suggestion, not a replacement for lib/: the schema below is a trimmed copy of
// lib/validation/trigger.ts's CronTrigger (same checks, shorter messages).
//
//   node --import tsx bench/schedule/validation-proposal.bench.ts [jobs=20000]
import { Cron } from "croner";
import { z } from "zod";
import { cronExpressionProblems } from "../../lib/schedule/cron-problems";
import { fireTimesOf, nextFireTimes } from "../../lib/schedule/next-fire-times";
import { isTimeZone } from "../../lib/validation/trigger";
import { cronJobs, type CronJob } from "./fixtures";
import { fmt, interleaveChunks, median, table, type ChunkRunner } from "./harness";

const zoneChecks = new Map<string, boolean>();
function cachedIsTimeZone(zone: string): boolean {
  let known = zoneChecks.get(zone);
  if (known === undefined) {
    known = isTimeZone(zone);
    if (zoneChecks.size < 1000) zoneChecks.set(zone, known);
  }
  return known;
}

const Instant = z.iso.datetime({ offset: true });
const CronTriggerCached = z.object({
  type: z.literal("cron"),
  expression: z.string().trim().min(1),
  timezone: z.string().trim().refine(cachedIsTimeZone),
  start: Instant.optional(),
  end: Instant.optional(),
});

const options = (timezone: string) => ({ timezone, mode: "5-or-6-parts" as const, domAndDow: false });

/** Validate (zod with the cached zone check, Sundial's checker, croner) and compute with the same Cron. */
function proposedNextFire(input: unknown, after: Date): Date | null {
  const trigger = CronTriggerCached.parse(input);
  if (cronExpressionProblems(trigger.expression).length > 0) throw new Error("invalid expression");
  const cron = new Cron(trigger.expression.trim(), options(trigger.timezone)); // throws if croner rejects it
  return cron.nextRun(after);
}

const count = Number(process.argv[2] ?? 20_000);
const jobs = cronJobs(count);
let sink = 0;
const keep = (d: Date | null | undefined) => {
  sink += d ? 1 : 0;
};
const runners: ChunkRunner<CronJob>[] = [
  { name: "croner construct + nextRun", run: (s) => s.forEach((j) => keep(new Cron(j.trigger.expression, options(j.trigger.timezone)).nextRun(j.after))) },
  { name: "Sundial fireTimesOf (today)", run: (s) => s.forEach((j) => keep(fireTimesOf(j.trigger, j.after, 1)[0])) },
  { name: "Sundial nextFireTimes (today)", run: (s) => s.forEach((j) => keep(nextFireTimes(j.trigger, j.after, 1)[0])) },
  { name: "nextFireTimes, proposed", run: (s) => s.forEach((j) => keep(proposedNextFire(j.trigger, j.after))) },
];
interleaveChunks(jobs.slice(0, 2000), 500, runners); // warm-up
const chunk = Math.max(1, Math.round(count / 10));
const samples = interleaveChunks(jobs, chunk, runners);
const bare = median(samples.get(runners[0]!.name)!);
console.log(
  table(
    ["Contender", "µs per job (median chunk)", "ratio vs croner"],
    runners.map(({ name }) => {
      const m = median(samples.get(name)!);
      return [name, fmt.us((m * 1000) / chunk), fmt.ratio(m / bare)];
    }),
  ),
);
console.log(`\n${count} jobs, chunks of ${chunk}, interleaved (sink ${sink})`);
