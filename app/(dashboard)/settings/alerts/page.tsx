import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { AlertChannels } from "@/components/alerts/alert-channels";
import { AlertDeliveries } from "@/components/alerts/alert-deliveries";
import { listAlertChannels, listAlertDeliveries } from "@/lib/alerts/read";
import { getDb } from "@/lib/db";
import { alertKeys, RECENT_DELIVERIES } from "@/lib/queries/alerts";
import { getQueryClient } from "@/lib/queries/get-query-client";
import { requirePermission } from "@/lib/web/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage() {
  await requirePermission("alerts:manage");
  const db = getDb();
  const queryClient = getQueryClient();
  const [channels, deliveries] = await Promise.all([listAlertChannels(db), listAlertDeliveries(db, { limit: RECENT_DELIVERIES })]);
  queryClient.setQueryData(alertKeys.channels(), channels);
  queryClient.setQueryData(alertKeys.deliveries(), deliveries);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="space-y-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Alerts</h1>
          <p className="text-sm text-muted-foreground">
            Where Sundial reports a job that fails, misses or loses a run, does not start within its start grace, or recovers.
          </p>
        </div>
        <AlertChannels />
        <AlertDeliveries />
      </div>
    </HydrationBoundary>
  );
}
