// HTTP request jobs: one request, its status checked against the job's accepted statuses, the first
// part of the response body kept as the run's output.
import { errors, fetch, type Response } from "undici";
import { renderBody, renderUrl } from "@/lib/jobs/http-template";
import { guardedDispatcher } from "@/lib/net/guarded-dispatcher";
import { openSecret } from "@/lib/secrets/seal";
import { HttpJobConfig } from "@/lib/validation/job-config";
import { MAX_REDIRECTS, RedirectError, redirectedRequest, type OutgoingRequest } from "./http-redirect";
import type { ExecutionContext, Executor } from "./types";

// Connections are kept alive between runs: 1,000 per-second jobs calling one service would otherwise
// open and tear down 1,000 TCP connections a second, which alone put the p99 start lateness past a
// second (bench/RESULTS.md). undici lets an idle connection go before the server's advertised
// keep-alive timeout and looks for a pending close on an idle socket before reusing it; what is left
// is a server closing a connection just as a run's request goes out on it (see closedUnderReuse).
// Connections the address policy forbids (the worker's own machine, private networks) are refused,
// redirects included: see lib/net/guarded-dispatcher.ts.
const keptAlive = guardedDispatcher();
const freshConnections = guardedDispatcher({ pipelining: 0 });

/**
 * The request went out on a connection that had served earlier responses (it had read bytes) and
 * the server closed it before answering: it let an idle connection go as we reused it, and did not
 * act on the request. Browsers send such a request again, once, on a new connection; so do we. (A
 * server that sent part of its answer and then closed would be called twice: such a server is broken
 * either way.) A refused or reset connection, or a first request on a new one, is not retried here:
 * the job's retry policy decides.
 */
function closedUnderReuse(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  return cause instanceof errors.SocketError && (cause.socket?.bytesRead ?? 0) > 0;
}

const BODY_EXCERPT_BYTES = 4096;

/** Sends one request, once more on a new connection if the server dropped it on a reused one. */
async function send(request: OutgoingRequest, context: ExecutionContext): Promise<Response> {
  const init = { method: request.method, headers: request.headers, body: request.body, signal: context.signal, redirect: "manual" as const };
  try {
    return await fetch(request.url, { ...init, dispatcher: keptAlive });
  } catch (error) {
    if (!closedUnderReuse(error) || context.signal.aborted) throw error;
    context.log("system", "the kept-alive connection was closed by the server before it answered; sending again on a new connection");
    return fetch(request.url, { ...init, dispatcher: freshConnections });
  }
}

async function readExcerpt(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < BODY_EXCERPT_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, BODY_EXCERPT_BYTES));
}

export const runHttp: Executor = async (rawConfig, context) => {
  const config = HttpJobConfig.parse(rawConfig);
  const headers: Record<string, string> = {};
  // Secret values are opened here, as late as possible, and go only into the request (never the log).
  for (const header of config.headers) headers[header.name.toLowerCase()] = header.secret ? openSecret(header.value, `header ${header.name}`) : header.value;
  const secretHeaders = new Set(config.headers.filter((header) => header.secret).map((header) => header.name.toLowerCase()));
  // Let the receiver tell runs and slots apart (and de-duplicate, if it wants to).
  headers["x-sundial-run-id"] = context.runId;
  headers["x-sundial-scheduled-for"] = context.scheduledFor.toISOString();
  headers["x-sundial-attempt"] = String(context.attempt);
  const url = renderUrl(config.url, context);
  let body = config.body === undefined ? undefined : renderBody(config.body, context, headers["content-type"]);
  // A payload given for this run replaces the job's body, as JSON.
  if (context.payload !== null && context.payload !== undefined && config.method !== "GET" && config.method !== "HEAD") {
    body = JSON.stringify(context.payload);
    headers["content-type"] = "application/json";
  }
  context.log("system", `${config.method} ${url}`);
  const started = performance.now();
  let request: OutgoingRequest = { url, method: config.method, headers, body };
  let response = await send(request, context);
  for (let redirects = 0; ; redirects += 1) {
    const next = redirectedRequest(request, response.status, response.headers.get("location"), secretHeaders);
    if (!next) break;
    await response.body?.cancel();
    if (redirects === MAX_REDIRECTS) throw new RedirectError(`more than ${MAX_REDIRECTS} redirects`);
    context.log("system", `HTTP ${response.status}: redirected to ${next.method} ${next.url}`);
    request = next;
    response = await send(request, context);
  }
  const excerpt = await readExcerpt(response);
  const elapsed = Math.round(performance.now() - started);
  context.log("system", `HTTP ${response.status} in ${elapsed} ms`);
  if (config.acceptedStatuses.includes(response.status)) {
    return { status: "succeeded", httpStatus: response.status, outputSummary: excerpt };
  }
  return {
    status: "failed",
    httpStatus: response.status,
    outputSummary: excerpt,
    errorMessage: `HTTP ${response.status}; accepted: ${config.acceptedStatuses.join(", ")}`,
  };
};
