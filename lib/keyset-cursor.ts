// Keyset paging for lists that only grow (the run ledger, the audit log): a page names the last row
// it showed by (instant, id), so pages neither count the table nor shift when new rows arrive.
import { ValidationError } from "./errors";

export type KeysetPosition = { at: Date; id: string };

export function encodeCursor({ at, id }: KeysetPosition): string {
  return Buffer.from(JSON.stringify([at.getTime(), id])).toString("base64url");
}

export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof at === "number" && Number.isFinite(at) && typeof id === "string") return { at: new Date(at), id };
  } catch {
    // reported below
  }
  throw new ValidationError("Invalid cursor", { cursor: ["cursor must be the nextCursor of a previous page"] });
}
