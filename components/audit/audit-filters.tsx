import Link from "next/link";
import { Button, buttonVariants } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { AuditFilter } from "@/lib/audit/read";

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked and shared. */
export function AuditFilters({ filter, actions, targetTypes }: { filter: AuditFilter; actions: string[]; targetTypes: string[] }) {
  return (
    <form method="get" action="/settings/audit" role="search" aria-label="Filter the audit log" className="grid gap-4 sm:grid-cols-5 sm:items-end">
      <Field label="Action" htmlFor="audit-action">
        <NativeSelect id="audit-action" name="action" defaultValue={filter.action ?? ""}>
          <option value="">Any</option>
          {actions.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Target type" htmlFor="audit-target-type">
        <NativeSelect id="audit-target-type" name="targetType" defaultValue={filter.targetType ?? ""}>
          <option value="">Any</option>
          {targetTypes.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Target id" htmlFor="audit-target-id">
        <Input id="audit-target-id" name="targetId" defaultValue={filter.targetId ?? ""} />
      </Field>
      <Field label="Actor" htmlFor="audit-actor" hint="Part of an email or token name">
        <Input id="audit-actor" name="actor" defaultValue={filter.actor ?? ""} />
      </Field>
      <div className="flex gap-2 sm:pb-[1.375rem]">
        <Button type="submit">Filter</Button>
        <Link href="/settings/audit" className={buttonVariants({ variant: "outline" })}>
          Clear
        </Link>
      </div>
    </form>
  );
}
