// HTTP request jobs: one request, its status checked against the job's accepted statuses, the first
// part of the response body kept as the run's output.
import { fetch, type Response } from "undici";
import { renderBody, renderUrl } from "@/lib/jobs/http-template";
import { guardedDispatcher } from "@/lib/net/guarded-dispatcher";
import { openSecret } from "@/lib/secrets/seal";
import { HttpJobConfig } from "@/lib/validation/job-config";
import type { Executor } from "./types";

// A fresh connection per run. Runs of a job are seconds to days apart, so reusing connections saves
// little, and a kept-alive socket that the server closes just as a run sends on it fails the run
// ("other side closed"): measured here with per-second jobs on a loaded machine.
// Connections the address policy forbids (the worker's own machine, private networks) are refused,
// redirects included: see lib/net/guarded-dispatcher.ts.
const dispatcher = guardedDispatcher({ pipelining: 0 });

const BODY_EXCERPT_BYTES = 4096;

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
  const response = await fetch(url, { method: config.method, headers, body, signal: context.signal, dispatcher });
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
