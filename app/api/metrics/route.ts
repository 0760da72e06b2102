import type { NextRequest } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { collectMetrics } from "@/lib/metrics/collect-metrics";
import { presentsMetricsToken } from "@/lib/metrics/metrics-token";
import { METRICS_CONTENT_TYPE, renderMetrics } from "@/lib/metrics/render-metrics";
import { apiError, defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

async function scrape(): Promise<Response> {
  const snapshot = await collectMetrics(getDb(), { offlineAfterSeconds: env().WORKER_OFFLINE_AFTER_SECONDS });
  return new Response(await renderMetrics(snapshot), { headers: { "content-type": METRICS_CONTENT_TYPE, "cache-control": "no-store" } });
}

// With SUNDIAL_METRICS_TOKEN set, that token alone opens the metrics (a scraper has no account);
// without it, any signed-in user or API token that may read runs.
const withMetricsToken = defineRoute({ permission: "public", query: z.object({}) }, async ({ request }) => {
  const token = env().SUNDIAL_METRICS_TOKEN;
  if (token !== undefined && presentsMetricsToken(request.headers.get("authorization"), token)) return scrape();
  const refused = apiError(401, "unauthorized", "Send the metrics token (SUNDIAL_METRICS_TOKEN) as Authorization: Bearer <token>");
  refused.headers.set("www-authenticate", 'Bearer realm="sundial-metrics"');
  return refused;
});
const withSignIn = defineRoute({ permission: "runs:read", query: z.object({}) }, scrape);

export function GET(request: NextRequest): Promise<Response> {
  return env().SUNDIAL_METRICS_TOKEN === undefined ? withSignIn(request) : withMetricsToken(request);
}
