import { NextResponse } from "next/server";
import { z } from "zod";
import { openApiDocument } from "@/lib/web/openapi/document";
import { defineRoute } from "@/lib/web/define-route";

export const dynamic = "force-dynamic";

// Public, like /api/health: it describes the software (open source), not this installation's data,
// and client generators and API tools can fetch it without a token.
export const GET = defineRoute({ permission: "public", query: z.object({}) }, async () => {
  return NextResponse.json(openApiDocument(), { headers: { "cache-control": "no-cache" } });
});
