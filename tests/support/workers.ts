import type { WorkerRegistration } from "@/lib/workers/register-worker";

/** A worker's registration as the worker process makes it, for tests that register workers directly. */
export const workerRegistration = (id: string, fields: Partial<WorkerRegistration> = {}): WorkerRegistration => ({
  id,
  host: "h",
  pid: 1,
  version: "0.1.0",
  capacity: 4,
  tasks: [],
  shellEnabled: false,
  sweepsAlerts: true,
  ...fields,
});
