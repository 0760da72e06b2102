// Query-string fields that the list APIs share, with the same messages everywhere.
import { z } from "zod";

/** An ISO 8601 instant with its zone, as a Date. */
export const isoInstant = (field: string) =>
  z.iso.datetime({ offset: true, error: `${field} must be an ISO 8601 instant with a zone, e.g. 2026-12-01T10:15:00Z` }).transform((iso) => new Date(iso));

/** A page size for keyset pages: 1 to 200, 50 unless asked. */
export const pageLimit = () =>
  z.coerce
    .number({ error: "limit must be a number" })
    .int({ error: "limit must be a whole number" })
    .min(1, { error: "limit must be at least 1" })
    .max(200, { error: "limit must be at most 200" })
    .default(50);
