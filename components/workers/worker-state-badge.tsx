import { Badge } from "@/components/ui/badge";
import type { WorkerState } from "@/lib/workers/worker-status";

const VARIANT = { online: "success", stopped: "secondary", offline: "destructive" } as const;

export function WorkerStateBadge({ state }: { state: WorkerState }) {
  return <Badge variant={VARIANT[state]}>{state}</Badge>;
}
