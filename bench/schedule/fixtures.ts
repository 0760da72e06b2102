// Inputs for the schedule benchmarks: the typical expressions, the zones, and 100,000 distinct job
// triggers built deterministically (a seeded PRNG), so every run measures the same work.
import type { CalendarTrigger, CronTrigger, DateTrigger, IntervalTrigger } from "../../lib/validation/trigger";

/** The typical expressions of the issue, in Sundial's syntax (5 fields, 6 with seconds first, nicknames). */
export const TYPICAL_EXPRESSIONS = ["*/5 * * * *", "0 9 * * 1-5", "30 2 * * *", "0 0 1 * *", "*/10 * * * * *", "@hourly"] as const;

export const TYPICAL_ZONES = ["UTC", "America/New_York"] as const;

/** The zones the 100k jobs are spread over ("a few": the ones a real installation would have). */
export const JOB_ZONES = ["UTC", "America/New_York", "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney", "America/Los_Angeles"] as const;

/** A fixed "now" one day before the US spring-forward (2026-03-08), so DST handling is on the path. */
export const BASE_AFTER = new Date("2026-03-07T12:34:56.789Z");

/** Mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const int = (rand: () => number, min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

function hourWindow(rand: () => number): string {
  if (rand() < 0.3) return "*";
  const from = int(rand, 0, 22);
  return `${from}-${int(rand, from + 1, 23)}`;
}

const WEEKDAY_SETS = ["1-5", "0-4", "1-6", "2-6", "1,3,5", "0,6"] as const;
const DOW_FILTERS = ["*", "1-5", "0,6"] as const;
const MONTH_FILTERS = ["*", "1-11", "2-12", "*/2", "1-6", "7-12"] as const;
const NICKNAMES = ["@hourly", "@daily", "@midnight", "@weekly", "@monthly", "@yearly", "@annually"] as const;

/**
 * The six families, one per typical expression, each varied in its fields so that every job has a
 * distinct (expression, timezone) pair while keeping the shape (and the cost) of its family.
 */
const FAMILIES: ReadonlyArray<{ name: string; make: (rand: () => number) => string }> = [
  { name: "*/5 * * * *", make: (r) => `${int(r, 0, 4)}-59/5 ${hourWindow(r)} * * ${pick(r, DOW_FILTERS)}` },
  { name: "0 9 * * 1-5", make: (r) => `${int(r, 0, 59)} ${int(r, 0, 23)} * * ${pick(r, WEEKDAY_SETS)}` },
  { name: "30 2 * * *", make: (r) => `${int(r, 0, 59)} ${int(r, 0, 23)} * ${pick(r, MONTH_FILTERS)} *` },
  { name: "0 0 1 * *", make: (r) => `${int(r, 0, 59)} ${int(r, 0, 23)} ${int(r, 1, 28)} * *` },
  { name: "*/10 * * * * *", make: (r) => `${int(r, 0, 9)}-59/10 * ${hourWindow(r)} * * ${pick(r, DOW_FILTERS)}` },
  // @hourly and its relatives: the literal nicknames first (42 pairs), then "m h-h * * dow" variants.
  { name: "@hourly", make: (r) => (r() < 0.01 ? pick(r, NICKNAMES) : `${int(r, 0, 59)} ${hourWindow(r)} * * ${pick(r, DOW_FILTERS)}`) },
];

export type CronJob = { family: string; trigger: CronTrigger; after: Date };

/** `count` jobs with distinct (expression, timezone) pairs, families and zones round-robin. */
export function cronJobs(count: number, seed = 20260307): CronJob[] {
  const rand = prng(seed);
  const seen = new Set<string>();
  const jobs: CronJob[] = [];
  for (let i = 0; jobs.length < count; i += 1) {
    const family = FAMILIES[jobs.length % FAMILIES.length]!;
    const timezone = JOB_ZONES[Math.floor(jobs.length / FAMILIES.length) % JOB_ZONES.length]!;
    const expression = family.make(rand);
    const key = `${expression}|${timezone}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // Each job's "now": somewhere in the 30 days from 2026-03-01 (crosses the US and EU DST changes).
    const after = new Date(Date.UTC(2026, 2, 1) + Math.floor(rand() * 30 * 86_400_000));
    jobs.push({ family: family.name, trigger: { type: "cron", expression, timezone }, after });
  }
  return jobs;
}

export type OtherJob = { trigger: IntervalTrigger | DateTrigger | CalendarTrigger; after: Date };

const pad = (n: number) => String(n).padStart(2, "0");

/** Sundial-only triggers (no bare-library equivalent): interval, date and calendar, all distinct. */
export function otherJobs(type: "interval" | "date" | "calendar", count: number, seed = 7): OtherJob[] {
  const rand = prng(seed + type.length * 1000 + type.charCodeAt(0));
  const jobs: OtherJob[] = [];
  for (let i = 0; i < count; i += 1) {
    const timezone = JOB_ZONES[i % JOB_ZONES.length]!;
    const after = new Date(Date.UTC(2026, 2, 1) + Math.floor(rand() * 30 * 86_400_000));
    // A distinct start instant per job: 2025-01-01 plus i seconds plus a random day offset.
    const startMs = Date.UTC(2025, 0, 1) + i * 1000 + int(rand, 0, 300) * 86_400_000;
    const start = new Date(startMs).toISOString().replace(/\.\d{3}Z$/, "Z");
    let trigger: OtherJob["trigger"];
    if (type === "interval") {
      const every = pick(rand, [{ minutes: int(rand, 1, 59) }, { hours: int(rand, 1, 12) }, { hours: int(rand, 1, 6), minutes: int(rand, 1, 59) }, { days: int(rand, 1, 7) }, { seconds: int(rand, 10, 3600) }]);
      trigger = { type: "interval", every, start, timezone };
    } else if (type === "date") {
      // Half wall times in the zone (the Intl path), half instants with an offset.
      const at = new Date(Date.UTC(2026, 2, 1) + int(rand, 0, 120 * 86_400) * 1000);
      const wall = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}T${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;
      trigger = { type: "date", runAt: i % 2 === 0 ? wall : `${wall}Z`, timezone };
    } else {
      const every = pick(rand, [{ days: int(rand, 1, 3) }, { weeks: int(rand, 1, 2) }, { months: int(rand, 1, 3) }, { years: 1 }]);
      const startDate = new Date(startMs).toISOString().slice(0, 10);
      trigger = { type: "calendar", every, at: `${pad(int(rand, 0, 23))}:${pad(int(rand, 0, 59))}`, startDate, timezone };
    }
    jobs.push({ trigger, after });
  }
  return jobs;
}

/**
 * For the per-expression benchmark: `length` successive `after` instants, each the previous fire
 * time (what a worker sees: it computes the next fire right after the last one). Computed with the
 * given next() (croner), then replayed identically to every contender.
 */
export function chainedAfters(next: (after: Date) => Date | null, length: number): Date[] {
  const afters: Date[] = [BASE_AFTER];
  while (afters.length < length) {
    const fire = next(afters[afters.length - 1]!);
    if (!fire) break;
    afters.push(fire);
  }
  return afters;
}
