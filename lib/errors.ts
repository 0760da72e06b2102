// Domain errors: expected failures a caller can act on. lib/web maps each to one HTTP status and
// error code; anything else is an internal error whose message is logged, never shown.
export const ERROR_CODES = ["validation", "not_found", "conflict", "unauthorized", "forbidden", "internal"] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Field path ("expression", "every.minutes") → messages, as forms and the API's error body show them. */
export type FieldErrors = Record<string, string[]>;

export class ValidationError extends Error {
  readonly code = "validation" as const;
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
    this.name = "ValidationError";
  }
}

/**
 * What the API sends as `details` with a conflict: the field to fix, when there is one; for a stale
 * version, the current one and who wrote it when.
 */
export type ConflictDetails = {
  fieldErrors?: FieldErrors;
  current?: { version: number; changedBy: string | null; changedAt: string };
};

/** The request is valid but clashes with the current state: a taken name, a stale version, a reused key. */
export class ConflictError extends Error {
  readonly code = "conflict" as const;
  constructor(
    message: string,
    readonly details: ConflictDetails = {},
  ) {
    super(message);
    this.name = "ConflictError";
  }
}

export class NotFoundError extends Error {
  readonly code = "not_found" as const;
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}

/** No valid session or token came with the request. */
export class UnauthorizedError extends Error {
  readonly code = "unauthorized" as const;
  constructor(message = "Sign in, or send an API token as Authorization: Bearer <token>") {
    super(message);
    this.name = "UnauthorizedError";
  }
}

/** The caller is known, but its role does not allow this. */
export class ForbiddenError extends Error {
  readonly code = "forbidden" as const;
  constructor(message: string) {
    super(message);
    this.name = "ForbiddenError";
  }
}
