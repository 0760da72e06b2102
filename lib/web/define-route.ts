// Every route handler goes through defineRoute: it parses the query string with zod (422 with the
// field errors on bad input) and turns any unexpected failure into the API's one error shape, logged
// with its stack but never shown to the caller.
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { createLogger } from "../log";

type ApiErrorCode = "validation" | "internal";

export function apiError(status: number, code: ApiErrorCode, message: string, details?: unknown): NextResponse {
  return NextResponse.json({ error: { code, message, details: details ?? null } }, { status });
}

const log = createLogger("web");

export function defineRoute<Q extends z.ZodType>(
  options: { query: Q },
  handler: (input: { query: z.infer<Q>; request: NextRequest }) => Promise<Response>,
): (request: NextRequest) => Promise<Response> {
  return async (request) => {
    const parsed = options.query.safeParse(Object.fromEntries(request.nextUrl.searchParams));
    if (!parsed.success) {
      return apiError(422, "validation", "Invalid query parameters", { fieldErrors: z.flattenError(parsed.error).fieldErrors });
    }
    try {
      return await handler({ query: parsed.data, request });
    } catch (error) {
      log.error({ err: error, path: request.nextUrl.pathname }, "route failed");
      return apiError(500, "internal", "Internal error");
    }
  };
}
