import { Badge } from "@/components/ui/badge";
import type { RunStatus } from "@/lib/db";

const VARIANT: Record<RunStatus, "default" | "secondary" | "destructive" | "outline" | "success" | "warning"> = {
  queued: "outline",
  running: "default",
  succeeded: "success",
  failed: "destructive",
  timed_out: "destructive",
  lost: "destructive",
  missed: "warning",
  skipped: "secondary",
  canceled: "secondary",
};

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return <Badge variant={VARIANT[status]}>{status.replace("_", " ")}</Badge>;
}
