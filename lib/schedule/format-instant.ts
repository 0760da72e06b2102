// One way to write an instant for people, used by the dashboard and by the schedule preview alike.

/**
 * "2026-11-25 14:05:00 UTC", "2027-03-14 03:00:00 EDT": an instant as the wall time of a zone, with
 * the zone named; without a zone, the viewer's (in the browser, the browser's).
 */
export function formatInstant(at: Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}:${get("second")} ${get("timeZoneName")}`;
}
