// Where nextFireTimes / fireTimesOf spend their time, for a CPU profile:
//
//   node --cpu-prof --cpu-prof-dir=/tmp/sundial-prof --import tsx bench/schedule/profile-next-fire.ts [nextFireTimes|fireTimesOf|croner] [jobs]
//   node bench/schedule/cpuprofile-summary.mjs /tmp/sundial-prof/<file>.cpuprofile
//
// Runs one contender only over the benchmark's cron jobs (after a warm-up), nothing else.
import { Cron } from "croner";
import { fireTimesOf, nextFireTimes } from "../../lib/schedule/next-fire-times";
import { cronJobs } from "./fixtures";

const which = process.argv[2] ?? "nextFireTimes";
const count = Number(process.argv[3] ?? 20_000);
const jobs = cronJobs(count);
let sink = 0;
const run = (from: number, to: number) => {
  for (let i = from; i < to; i += 1) {
    const { trigger, after } = jobs[i]!;
    const next =
      which === "croner"
        ? new Cron(trigger.expression, { timezone: trigger.timezone, mode: "5-or-6-parts", domAndDow: false }).nextRun(after)
        : which === "fireTimesOf"
          ? fireTimesOf(trigger, after, 1)[0]
          : nextFireTimes(trigger, after, 1)[0];
    sink += next ? 1 : 0;
  }
};
run(0, Math.min(2000, count)); // warm-up
const start = performance.now();
run(0, count);
console.log(`${which}: ${count} jobs in ${(performance.now() - start).toFixed(0)} ms (${sink})`);
