import Link from "next/link";
import { Button, buttonVariants } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";

/** The filters as the URL carries them: from and to are UTC wall times (YYYY-MM-DDTHH:MM), as a datetime-local field sends them. */
export type AuditViewFilter = { action?: string; targetType?: string; targetId?: string; actor?: string; from?: string; to?: string };

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked and shared. */
export function AuditFilters({ filter, actions, targetTypes }: { filter: AuditViewFilter; actions: string[]; targetTypes: string[] }) {
  return (
    <form method="get" action="/settings/audit" role="search" aria-label="Filter the audit log" className="grid gap-4 sm:grid-cols-2 sm:items-end lg:grid-cols-4">
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
      <Field label="From (UTC)" htmlFor="audit-from">
        <Input id="audit-from" name="from" type="datetime-local" defaultValue={filter.from ?? ""} />
      </Field>
      <Field label="To (UTC)" htmlFor="audit-to" hint="Events before this time">
        <Input id="audit-to" name="to" type="datetime-local" defaultValue={filter.to ?? ""} />
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
