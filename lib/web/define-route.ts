// Every route handler goes through defineRoute: it parses the query string and the JSON body with
// zod (422 with field errors), refuses oversized bodies (413), maps domain errors to their status,
// and turns anything unexpected into a 500 that is logged with its stack but never shown.
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { ValidationError, type FieldErrors } from "../errors";
import { createLogger } from "../log";

type ApiErrorCode = "validation" | "payload_too_large" | "bad_request" | "internal";

export function apiError(status: number, code: ApiErrorCode, message: string, details?: unknown): NextResponse {
  return NextResponse.json({ error: { code, message, details: details ?? null } }, { status });
}

function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
  return fieldErrors;
}

const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
const log = createLogger("web");

type RouteInput<Q extends z.ZodType, B extends z.ZodType | undefined> = {
  query: z.infer<Q>;
  body: B extends z.ZodType ? z.infer<B> : undefined;
  request: NextRequest;
};

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

export function defineRoute<Q extends z.ZodType, B extends z.ZodType | undefined = undefined>(
  options: { query: Q; body?: B; maxBodyBytes?: number },
  handler: (input: RouteInput<Q, B>) => Promise<Response>,
): (request: NextRequest) => Promise<Response> {
  return async (request) => {
    const query = options.query.safeParse(Object.fromEntries(request.nextUrl.searchParams));
    if (!query.success) {
      return apiError(422, "validation", "Invalid query parameters", { fieldErrors: fieldErrorsOf(query.error) });
    }
    let body: unknown = undefined;
    if (options.body) {
      const raw = await readBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
      if (!raw.ok) return raw.response;
      const parsed = options.body.safeParse(raw.value);
      if (!parsed.success) return apiError(422, "validation", "Invalid request body", { fieldErrors: fieldErrorsOf(parsed.error) });
      body = parsed.data;
    }
    try {
      return await handler({ query: query.data, body: body as RouteInput<Q, B>["body"], request });
    } catch (error) {
      if (error instanceof ValidationError) {
        return apiError(422, "validation", error.message, { fieldErrors: error.fieldErrors });
      }
      log.error({ err: error, path: request.nextUrl.pathname }, "route failed");
      return apiError(500, "internal", "Internal error");
    }
  };
}
