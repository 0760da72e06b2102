// Every route handler goes through defineRoute: it authenticates the caller (session cookie or API
// token; 401 when anonymous, 403 when the role lacks the route's permission), parses the query
// string and the JSON body with zod (422 with field errors), refuses oversized bodies (413), maps
// domain errors to their status, and turns anything unexpected into a 500 that is logged with its
// stack but never shown. An `idempotent` route honours Idempotency-Key (lib/web/idempotency.ts).
import "server-only";
import { type NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { can, type Permission } from "../auth/roles";
import { getDb } from "../db";
import { createLogger } from "../log";
import { fieldErrorsOf } from "../validation/field-errors";
import { apiError, domainErrorResponse } from "./api-error";
import { callerFrom, type Caller } from "./caller";
import { keyRefOf, withIdempotency, type Idempotency } from "./idempotency";

export { apiError };

const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
const log = createLogger("web");

/** "public" is for the few routes that must answer anyone (the liveness probe). */
type RoutePermission = Permission | "public";

type RouteInput<Q extends z.ZodType, B extends z.ZodType | undefined, P extends RoutePermission> = {
  query: z.infer<Q>;
  body: B extends z.ZodType ? z.infer<B> : undefined;
  request: NextRequest;
  caller: P extends "public" ? null : Caller;
  /** The path's dynamic segments, e.g. { id } for app/api/v1/jobs/[id]. */
  params: Record<string, string>;
  /** On an `idempotent` route, when the request carries an Idempotency-Key: pass `storing(...)` to the service. */
  idempotency: Idempotency | null;
};

/** What Next passes a route handler beside the request. */
type RouteContext = { params: Promise<Record<string, string | string[]>> };

async function readBody(request: NextRequest, maxBytes: number): Promise<{ ok: true; value: unknown } | { ok: false; response: NextResponse }> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return { ok: false, response: apiError(413, "payload_too_large", `The request body is larger than ${maxBytes} bytes`) };
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) return { ok: false, response: apiError(413, "payload_too_large", `The request body is larger than ${maxBytes} bytes`) };
  try {
    return { ok: true, value: text === "" ? undefined : JSON.parse(text) };
  } catch {
    return { ok: false, response: apiError(400, "bad_request", "The request body is not valid JSON") };
  }
}

/**
 * A browser sends the session cookie with any request to this origin; a write it makes on another
 * site's behalf carries that site's Origin. SameSite=Lax already keeps the cookie off cross-site
 * POSTs; this refuses same-site ones from another origin too.
 */
function isCrossOriginWrite(request: NextRequest): boolean {
  if (request.method === "GET" || request.method === "HEAD") return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  // As Next's server actions judge it: the host the browser addressed, through a proxy or not.
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

async function authorize(request: NextRequest, permission: RoutePermission): Promise<{ ok: true; caller: Caller | null } | { ok: false; response: NextResponse }> {
  if (permission === "public") return { ok: true, caller: null };
  const caller = await callerFrom(request.headers);
  if (!caller) {
    return { ok: false, response: apiError(401, "unauthorized", "Sign in, or send an API token as Authorization: Bearer <token>") };
  }
  if (caller.via === "session" && isCrossOriginWrite(request)) {
    return { ok: false, response: apiError(403, "forbidden", "Cross-origin requests can't use the session cookie; use an API token") };
  }
  if (!can(caller.role, permission)) {
    return { ok: false, response: apiError(403, "forbidden", `The ${caller.role} role does not allow this (needs ${permission})`) };
  }
  return { ok: true, caller };
}

export function defineRoute<Q extends z.ZodType, P extends RoutePermission, B extends z.ZodType | undefined = undefined>(
  options: { permission: P; query: Q; body?: B; maxBodyBytes?: number; idempotent?: boolean },
  handler: (input: RouteInput<Q, B, P>) => Promise<Response>,
): (request: NextRequest, context?: RouteContext) => Promise<Response> {
  return async (request, context) => {
    // Kept outside the try so a failure is logged with who was asking.
    let caller: Caller | null = null;
    try {
      const auth = await authorize(request, options.permission);
      if (!auth.ok) return auth.response;
      caller = auth.caller;
      const query = options.query.safeParse(Object.fromEntries(request.nextUrl.searchParams));
      if (!query.success) {
        return apiError(422, "validation", "Invalid query parameters", { fieldErrors: fieldErrorsOf(query.error) });
      }
      let body: unknown = undefined;
      let rawBody: unknown = undefined;
      if (options.body) {
        const raw = await readBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
        if (!raw.ok) return raw.response;
        rawBody = raw.value;
        const parsed = options.body.safeParse(raw.value);
        if (!parsed.success) return apiError(422, "validation", "Invalid request body", { fieldErrors: fieldErrorsOf(parsed.error) });
        body = parsed.data;
      }
      // A catch-all segment ([...path]) comes as its parts; handlers get the path they matched.
      const params = Object.fromEntries(Object.entries((await context?.params) ?? {}).map(([name, value]) => [name, Array.isArray(value) ? value.join("/") : value]));
      const handle = (idempotency: Idempotency | null) =>
        handler({
          query: query.data,
          body: body as RouteInput<Q, B, P>["body"],
          request,
          caller: auth.caller as RouteInput<Q, B, P>["caller"],
          params,
          idempotency,
        });
      const keyRef = options.idempotent && auth.caller ? keyRefOf(request, request.nextUrl.pathname, auth.caller, rawBody) : null;
      return await (keyRef ? withIdempotency(getDb(), keyRef, new Date(), handle) : handle(null));
    } catch (error) {
      const mapped = domainErrorResponse(error);
      if (mapped) return mapped;
      log.error(
        { err: error, method: request.method, path: request.nextUrl.pathname, callerVia: caller?.via ?? null, callerId: caller?.actor.id ?? null },
        "route failed",
      );
      return apiError(500, "internal", "Internal error");
    }
  };
}
