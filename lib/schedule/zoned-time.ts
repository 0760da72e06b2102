// Wall-clock time in an IANA zone <-> UTC instants, with Intl as the only source of zone rules.
// A "wall" value is the wall-clock reading encoded as if it were UTC (Date.UTC(y, m, d, h, mi, s)),
// which makes calendar arithmetic on it plain millisecond arithmetic.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading of an instant in a zone, encoded as UTC milliseconds. */
export function wallOf(instantMs: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instantMs)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const ms = ((instantMs % 1000) + 1000) % 1000;
  return Date.UTC(fields.year!, fields.month! - 1, fields.day!, fields.hour!, fields.minute!, fields.second!, ms);
}

/** The zone's UTC offset at an instant, in ms (east positive). */
export function offsetAt(instantMs: number, timeZone: string): number {
  return wallOf(instantMs, timeZone) - instantMs;
}

const DAY_MS = 86_400_000;

/** The last instant a JavaScript Date can hold: a schedule that would go past it ends there. */
export const MAX_INSTANT_MS = 8.64e15;

/**
 * The instant a wall-clock time names in a zone, by the rule fixed-time schedules follow (the one
 * Debian's cron and croner use): a time that occurs twice names its first occurrence; a time that
 * does not exist (in a spring-forward gap) names the first valid instant after the gap.
 */
export function instantOfWall(wallMs: number, timeZone: string): number {
  const offsetBefore = offsetAt(wallMs - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wallMs + DAY_MS, timeZone);
  const candidates = [wallMs - offsetBefore, wallMs - offsetAfter].sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (wallOf(candidate, timeZone) === wallMs) return candidate;
  }
  // In a gap: neither offset reads back as this wall time. The gap ends at the transition, the
  // first instant that uses the later offset; find it between the two candidate readings.
  let low = candidates[0]! - DAY_MS;
  let high = candidates[1]!;
  while (high - low > 1000) {
    const middle = low + Math.floor((high - low) / 2);
    if (offsetAt(middle, timeZone) === offsetAfter) high = middle;
    else low = middle;
  }
  return high - (high % 1000);
}

export type WallFields = { year: number; month: number; day: number; hour: number; minute: number; second: number };

export function wallFields(wallMs: number): WallFields {
  const d = new Date(wallMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** Parses "2026-12-01T10:15[:00[.000]]" (no offset) into a wall value; digits past ms are dropped. */
export function parseWallTime(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/.exec(text);
  if (!match) throw new RangeError(`not a wall time: ${text}`);
  const [, y, mo, d, h = "0", mi = "0", s = "0", ms = "0"] = match;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms.padEnd(3, "0")));
}
