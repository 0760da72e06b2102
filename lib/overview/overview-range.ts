// The overview chart's ranges: which buckets each shows. Pure, so the chart and the server agree.
import { z } from "zod";

export const OVERVIEW_RANGES = ["24h", "7d"] as const;
export type OverviewRange = (typeof OVERVIEW_RANGES)[number];

export type BucketUnit = "hour" | "day";

export const RANGE_BUCKETS: Record<OverviewRange, { unit: BucketUnit; widthMs: number; count: number }> = {
  "24h": { unit: "hour", widthMs: 60 * 60_000, count: 24 },
  "7d": { unit: "day", widthMs: 24 * 60 * 60_000, count: 7 },
};

export const OverviewQuery = z.object({
  range: z.enum(OVERVIEW_RANGES, { error: `range must be one of ${OVERVIEW_RANGES.join(", ")}` }).default("24h"),
});
export type OverviewQuery = z.infer<typeof OverviewQuery>;

/**
 * The buckets of a range at `now`: whole UTC hours or days, the last one the bucket `now` falls in.
 * UTC, because the API answers every viewer alike; hourly buckets match local hours in every zone
 * whose offset is whole hours.
 */
export function bucketStarts(range: OverviewRange, now: Date): Date[] {
  const { widthMs, count } = RANGE_BUCKETS[range];
  const current = Math.floor(now.getTime() / widthMs) * widthMs;
  return Array.from({ length: count }, (_, i) => new Date(current - (count - 1 - i) * widthMs));
}
