import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { ApiReference } from "@/components/api-docs/api-reference";
import { buttonVariants } from "@/components/ui/button";
import { openApiDocument } from "@/lib/web/openapi/document";
import { requirePermission } from "@/lib/web/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API" };

/** The origin the browser reached us at, for copyable curl commands. */
async function requestOrigin(): Promise<string> {
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost:3000";
  const proto = list.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

export default async function ApiDocsPage() {
  // Every role reads jobs: the reference is for anyone signed in.
  await requirePermission("jobs:read");
  const document = openApiDocument();
  const operationCount = Object.values(document.paths).reduce((count, byMethod) => count + Object.keys(byMethod).length, 0);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-2xl space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight">API reference</h1>
          <p className="text-sm text-muted-foreground">
            {operationCount} operations, version {document.info.version}. Send an API token (Settings → API tokens) as{" "}
            <code className="font-mono">Authorization: Bearer $SUNDIAL_TOKEN</code>. Errors always answer{" "}
            <code className="font-mono">{'{"error":{"code","message","details"}}'}</code>.
          </p>
        </div>
        <Link href="/api/v1/openapi.json" prefetch={false} className={buttonVariants({ variant: "outline", size: "sm" })}>
          openapi.json
        </Link>
      </div>
      <ApiReference document={document} origin={await requestOrigin()} />
    </div>
  );
}
