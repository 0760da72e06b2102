import type { ErrorCode, FieldErrors } from "../errors";

/** What a server action returns: it never throws, so a form always has something to show. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors; values?: Record<string, string> };
