// HTTP request jobs: one request, its status checked against the job's accepted statuses, the first
// part of the response body kept as the run's output.
import { errors, request as dispatch, type Dispatcher } from "undici";
import { renderBody, renderUrl } from "@/lib/jobs/http-template";
import { env } from "@/lib/env";
import { guardedDispatcher } from "@/lib/net/guarded-dispatcher";
import { openSecret } from "@/lib/secrets/seal";
import { HttpJobConfig, readConfig } from "@/lib/validation/job-config";
import { SUNDIAL_VERSION } from "@/lib/version";
import { MAX_REDIRECTS, RedirectError, redirectedRequest, type OutgoingRequest } from "./http-redirect";
import type { ExecutionContext, Executor } from "./types";

// Connections are kept alive between runs: 1,000 per-second jobs calling one service would otherwise
// open and tear down 1,000 TCP connections a second, which alone put the p99 start lateness past a
// second (bench/RESULTS.md). undici lets an idle connection go before the server's advertised
// keep-alive timeout and looks for a pending close on an idle socket before reusing it; what is left
// is a server closing a connection just as a run's request goes out on it (see closedUnderReuse).
// Connections the address policy forbids (the worker's own machine, private networks) are refused,
// redirects included: see lib/net/guarded-dispatcher.ts.
//
// Requests go through undici's dispatcher API rather than fetch: a thousand runs due on the same
// second start in one burst, and fetch's WHATWG layer (Request, Headers, web streams) cost about as
// much again as the request itself. What fetch did on top is done here: redirects (http-redirect.ts),
// and its errors' wording ("request failed: <cause>").
//
// WORKER_HTTP_CONNECTIONS_PER_ORIGIN caps the connections per origin (a burst of runs calling one
// service then shares them, and each run's timeout counts while it waits for one). No cap by
// default: measured against one local service, a thousand runs a second started later over 256
// connections than over a thousand (p99 470-515 ms against 180-340). The cap is for a service that
// can't take the burst: a thousand new connections at once overflow an accept queue of 511 (Node's
// default), and the connections it drops are tried again a second later.
let keptAlive: Dispatcher | undefined;
const keptAliveDispatcher = () => (keptAlive ??= guardedDispatcher(env().WORKER_HTTP_CONNECTIONS_PER_ORIGIN > 0 ? { connections: env().WORKER_HTTP_CONNECTIONS_PER_ORIGIN } : {}));
const freshConnections = guardedDispatcher({ pipelining: 0 });

const USER_AGENT = `Sundial/${SUNDIAL_VERSION}`;

type Response = { status: number; location: string | null; body: Dispatcher.ResponseData["body"] };

/**
 * The request went out on a connection that had served earlier responses (it had read bytes) and
 * the server closed it before answering: it let an idle connection go as we reused it, and did not
 * act on the request. Browsers send such a request again, once, on a new connection; so do we. (A
 * server that sent part of its answer and then closed would be called twice: such a server is broken
 * either way.) A refused or reset connection, or a first request on a new one, is not retried here:
 * the job's retry policy decides.
 */
function closedUnderReuse(error: unknown): boolean {
  return error instanceof errors.SocketError && (error.socket?.bytesRead ?? 0) > 0;
}

/** A request that got no response; its cause says why (refused, reset, timed out, the address policy). */
class RequestFailedError extends Error {
  constructor(cause: unknown) {
    super("request failed", { cause });
    this.name = "RequestFailedError";
  }
}

const BODY_EXCERPT_BYTES = 4096;

async function sendOn(dispatcher: Dispatcher, outgoing: OutgoingRequest, signal: AbortSignal): Promise<Response> {
  const { statusCode, headers, body } = await dispatch(outgoing.url, { method: outgoing.method as Dispatcher.HttpMethod, headers: outgoing.headers, body: outgoing.body, signal, dispatcher });
  const location = headers.location;
  return { status: statusCode, location: (Array.isArray(location) ? location[0] : location) ?? null, body };
}

/** Sends one request, once more on a new connection if the server dropped it on a reused one. */
async function send(outgoing: OutgoingRequest, context: ExecutionContext): Promise<Response> {
  try {
    try {
      return await sendOn(keptAliveDispatcher(), outgoing, context.signal);
    } catch (error) {
      if (!closedUnderReuse(error) || context.signal.aborted) throw error;
      context.log("system", "the kept-alive connection was closed by the server before it answered; sending again on a new connection");
      return await sendOn(freshConnections, outgoing, context.signal);
    }
  } catch (error) {
    // An abort is the run's to classify (timeout, cancel, shutdown): pass it through as it is.
    throw context.signal.aborted ? error : new RequestFailedError(error);
  }
}

/** The first BODY_EXCERPT_BYTES of the body; the rest is not read (and its connection is not reused). */
async function readExcerpt(body: Response["body"]): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.byteLength;
    if (size >= BODY_EXCERPT_BYTES) break;
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, BODY_EXCERPT_BYTES));
}

export const runHttp: Executor = async (rawConfig, context) => {
  const read = readConfig(HttpJobConfig, rawConfig);
  if (!read.ok) return { status: "failed", errorMessage: `invalid http job configuration: ${read.problem}` };
  const config = read.config;
  const headers: Record<string, string> = {};
  // Secret values are opened here, as late as possible, and go only into the request (never the log).
  for (const header of config.headers) headers[header.name.toLowerCase()] = header.secret ? openSecret(header.value, `header ${header.name}`) : header.value;
  const secretHeaders = new Set(config.headers.filter((header) => header.secret).map((header) => header.name.toLowerCase()));
  // Let the receiver tell runs and slots apart (and de-duplicate, if it wants to).
  headers["x-sundial-run-id"] = context.runId;
  headers["x-sundial-scheduled-for"] = context.scheduledFor.toISOString();
  headers["x-sundial-attempt"] = String(context.attempt);
  headers["user-agent"] ??= USER_AGENT;
  const url = renderUrl(config.url, context);
  let body = config.body === undefined ? undefined : renderBody(config.body, context, headers["content-type"]);
  // A payload given for this run replaces the job's body, as JSON.
  if (context.payload !== null && context.payload !== undefined && config.method !== "GET" && config.method !== "HEAD") {
    body = JSON.stringify(context.payload);
    headers["content-type"] = "application/json";
  }
  await context.due();
  context.log("system", `${config.method} ${url}`);
  const started = performance.now();
  let request: OutgoingRequest = { url, method: config.method, headers, body };
  let response = await send(request, context);
  for (let redirects = 0; ; redirects += 1) {
    const next = redirectedRequest(request, response.status, response.location, secretHeaders);
    if (!next) break;
    // Read and discarded (up to undici's limit), so that the connection can carry the next request.
    await response.body.dump();
    if (redirects === MAX_REDIRECTS) throw new RedirectError(`more than ${MAX_REDIRECTS} redirects`);
    context.log("system", `HTTP ${response.status}: redirected to ${next.method} ${next.url}`);
    request = next;
    response = await send(request, context);
  }
  const excerpt = await readExcerpt(response.body);
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
