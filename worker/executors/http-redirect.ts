// Redirects of HTTP jobs, followed by the executor rather than by fetch: fetch drops only the
// Authorization and cookie headers when a redirect leaves the origin, and a job's secret headers (an
// API key in X-Api-Key) must not follow its request to another host either. Otherwise the rules are
// fetch's (WHATWG Fetch, "HTTP-redirect fetch").

export const MAX_REDIRECTS = 10;

export type OutgoingRequest = { url: string; method: string; headers: Record<string, string>; body: string | undefined };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Headers that describe the body: dropped with it when a redirect turns the request into a GET. */
const BODY_HEADERS = ["content-type", "content-length", "content-encoding", "content-language", "content-location"];
/** Credentials fetch itself would drop on leaving the origin. */
const CREDENTIAL_HEADERS = ["authorization", "proxy-authorization", "cookie"];

export class RedirectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RedirectError";
  }
}

/**
 * The request a redirect response leads to, or null when the response is not a redirect to follow
 * (not a redirect status, or no Location). `secretHeaders` holds the lower-case names of the job's
 * secret headers.
 */
export function redirectedRequest(request: OutgoingRequest, status: number, location: string | null, secretHeaders: ReadonlySet<string>): OutgoingRequest | null {
  if (!REDIRECT_STATUSES.has(status) || location === null) return null;
  let next: URL;
  try {
    next = new URL(location, request.url);
  } catch {
    throw new RedirectError(`HTTP ${status} redirect to an invalid location: ${location}`);
  }
  if (next.protocol !== "http:" && next.protocol !== "https:") throw new RedirectError(`HTTP ${status} redirect to a non-HTTP location: ${next.protocol}`);

  const headers = { ...request.headers };
  let { method, body } = request;
  if (((status === 301 || status === 302) && method === "POST") || (status === 303 && method !== "GET" && method !== "HEAD")) {
    method = "GET";
    body = undefined;
    for (const name of BODY_HEADERS) delete headers[name];
  }
  if (next.origin !== new URL(request.url).origin) {
    for (const name of [...CREDENTIAL_HEADERS, ...secretHeaders]) delete headers[name];
  }
  return { url: next.href, method, headers, body };
}
