import type { Metadata } from "next";
import { TokensManager } from "@/components/settings/tokens-manager";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { getDb } from "@/lib/db";
import { requirePermission } from "@/lib/web/session";
import { createTokenAction, revokeTokenAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const caller = await requirePermission("tokens:manage");
  const tokens = await listApiTokens(getDb());
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">API tokens</h1>
        <p className="text-sm text-muted-foreground">
          Send one as <code>Authorization: Bearer sdl_…</code> to the REST API. A token acts with its own role; it is shown
          once, when it is created.
        </p>
      </div>
      <TokensManager tokens={tokens} maxRole={caller.role} actions={{ create: createTokenAction, revoke: revokeTokenAction }} />
    </div>
  );
}
