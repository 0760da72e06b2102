import type { Metadata } from "next";
import { ExportJobs } from "@/components/backup/export-jobs";
import { ImportJobs } from "@/components/backup/import-jobs";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { listJobs } from "@/lib/jobs/read";
import { requirePermission } from "@/lib/web/session";
import { importJobsAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Backup" };

export default async function BackupPage() {
  // Reading the export needs jobs:read, as the API's; the import is shown to those who may write jobs.
  const caller = await requirePermission("jobs:read");
  const { total: jobCount } = await listJobs(getDb(), { page: 1, pageSize: 1 });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Backup</h1>
        <p className="text-sm text-muted-foreground">Keep your job definitions in git: export them to a file, import a file back here or on another Sundial.</p>
      </div>
      <ExportJobs jobCount={jobCount} />
      {can(caller.role, "jobs:write") ? <ImportJobs importJobs={importJobsAction} /> : null}
    </div>
  );
}
