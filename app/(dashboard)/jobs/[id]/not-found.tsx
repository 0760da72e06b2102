import { CalendarX } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function JobNotFound() {
  return (
    <EmptyState
      icon={<CalendarX />}
      title="No such job"
      description="It may have been deleted, or the link is mistyped. A deleted job's runs go with it; the audit log keeps a record."
      action={
        <Button asChild variant="outline">
          <Link href="/jobs">Back to jobs</Link>
        </Button>
      }
    />
  );
}
