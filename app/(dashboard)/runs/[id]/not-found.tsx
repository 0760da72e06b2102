import { SearchX } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function RunNotFound() {
  return (
    <EmptyState
      icon={<SearchX />}
      title="No such run"
      description="It may have been pruned by the retention policy, or its job was deleted with its runs."
      action={
        <Link href="/runs" className={buttonVariants({ variant: "outline" })}>
          All runs
        </Link>
      }
    />
  );
}
