import { Download } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** A plain link: the export route answers with an attachment, authenticated by the session cookie. */
export function ExportJobs({ jobCount }: { jobCount: number }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Export</CardTitle>
        <CardDescription>
          Every job&apos;s definition as JSON ({jobCount} {jobCount === 1 ? "job" : "jobs"}), sorted by name with keys in a fixed order, so a git diff shows
          what changed. No ids, versions, pause or run state. Secret values are not exported.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <a href="/api/v1/jobs/export" download className={buttonVariants({ variant: "outline" })}>
          <Download aria-hidden />
          Download export
        </a>
      </CardContent>
    </Card>
  );
}
