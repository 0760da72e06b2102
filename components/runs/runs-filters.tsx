import Link from "next/link";
import { Button, buttonVariants } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { JobOption } from "@/lib/runs/read";
import { RUN_SOURCES, RUN_STATUSES, type RunPageSearch } from "@/lib/validation/run-queries";

/** A plain GET form: the filters live in the URL, so a filtered view survives a reload and can be shared. */
export function RunsFilters({ form, jobs }: { form: RunPageSearch["form"]; jobs: JobOption[] }) {
  const jobKnown = form.jobId === "" || jobs.some((job) => job.id === form.jobId);
  return (
    <form method="get" action="/runs" role="search" aria-label="Filter runs" className="space-y-4 rounded-lg border bg-card p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end">
        <Field label="Job" htmlFor="runs-job">
          <NativeSelect id="runs-job" name="jobId" defaultValue={form.jobId}>
            <option value="">All jobs</option>
            {jobKnown ? null : <option value={form.jobId}>{form.jobId}</option>}
            {jobs.map((job) => (
              <option key={job.id} value={job.id}>
                {job.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field label="Source" htmlFor="runs-source">
          <NativeSelect id="runs-source" name="source" defaultValue={form.source}>
            <option value="">Any</option>
            {RUN_SOURCES.map((source) => (
              <option key={source} value={source}>
                {source}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field label="From (UTC day)" htmlFor="runs-from">
          <Input id="runs-from" name="from" type="date" defaultValue={form.fromDay} />
        </Field>
        <Field label="To (UTC day, included)" htmlFor="runs-to">
          <Input id="runs-to" name="to" type="date" defaultValue={form.toDay} min={form.fromDay || undefined} />
        </Field>
        <div className="flex gap-2">
          <Button type="submit">Filter</Button>
          <Link href="/runs" className={buttonVariants({ variant: "outline" })}>
            Clear
          </Link>
        </div>
      </div>
      <fieldset>
        <legend className="mb-2 text-sm font-medium">Status</legend>
        <div className="flex flex-wrap gap-2">
          {RUN_STATUSES.map((status) => (
            <label
              key={status}
              className="inline-flex cursor-pointer items-center gap-1.5 rounded-full border px-3 py-1 text-xs font-medium text-muted-foreground transition-colors select-none hover:bg-muted has-[:checked]:border-primary has-[:checked]:bg-primary has-[:checked]:text-primary-foreground has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50"
            >
              <input type="checkbox" name="status" value={status} defaultChecked={form.status.includes(status)} className="sr-only" />
              {status.replace("_", " ")}
            </label>
          ))}
        </div>
      </fieldset>
    </form>
  );
}
