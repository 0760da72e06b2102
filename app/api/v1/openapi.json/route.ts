import { NextResponse } from "next/server";
import { z } from "zod";
import { openApiDocument } from "@/lib/web/openapi/document";
import { defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

// Any signed-in caller or API token (every role holds jobs:read). Not public: only the probes answer
// anyone (README, "Accounts, roles and API tokens"), and the document names this installation's
// version and exactly what it accepts, which an anonymous scanner has no need to know.
export const GET = defineRoute({ permission: "jobs:read", query: z.object({}) }, async () => {
  return NextResponse.json(openApiDocument(), { headers: { "cache-control": "no-cache" } });
});
