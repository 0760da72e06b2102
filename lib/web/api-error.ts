// The API's error body and the one mapping from domain errors to status codes.
import "server-only";
import { NextResponse } from "next/server";
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from "../errors";

export type ApiErrorCode = "validation" | "payload_too_large" | "bad_request" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "internal";

export function apiError(status: number, code: ApiErrorCode, message: string, details?: unknown): NextResponse {
  return NextResponse.json({ error: { code, message, details: details ?? null } }, { status });
}

/** The response for a domain error, or null for anything unexpected (the caller logs it and answers 500). */
export function domainErrorResponse(error: unknown): NextResponse | null {
  if (error instanceof ValidationError) return apiError(422, "validation", error.message, { fieldErrors: error.fieldErrors });
  if (error instanceof UnauthorizedError) return apiError(401, "unauthorized", error.message);
  if (error instanceof ForbiddenError) return apiError(403, "forbidden", error.message);
  if (error instanceof NotFoundError) return apiError(404, "not_found", error.message);
  if (error instanceof ConflictError) return apiError(409, "conflict", error.message, error.details);
  return null;
}
