"use client";

import { AlertTriangle, Search, X } from "lucide-react";
import { useEffect, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { JOB_SORTS, type JobListView, type JobSort } from "@/lib/validation/job-queries";
import { cn } from "@/lib/utils";
import type { SetJobListView } from "./use-job-list-view";

const SEARCH_DEBOUNCE_MS = 300;

export const SORT_LABELS: Record<JobSort, string> = {
  name: "Name, A to Z",
  "-name": "Name, Z to A",
  nextRunAt: "Next run, soonest first",
  "-nextRunAt": "Next run, latest first",
  createdAt: "Created, oldest first",
  "-createdAt": "Created, newest first",
  updatedAt: "Updated, oldest first",
  "-updatedAt": "Updated, newest first",
};

/** Whether the view narrows the list (sort and page don't). */
export const isFiltered = (view: JobListView) => Boolean(view.q || view.status || view.kind || view.tag || view.failing);

/** Search, filters and sort. Any change goes back to the first page. */
export function JobsToolbar({ view, setView, tags }: { view: JobListView; setView: SetJobListView; tags: string[] }) {
  const change = (patch: Partial<JobListView>) => setView({ ...view, ...patch, page: undefined });
  // A tag in the URL that no job has any more still shows, so the select never lies about the filter.
  const tagOptions = view.tag && !tags.includes(view.tag) ? [...tags, view.tag].sort() : tags;
  return (
    <div role="search" aria-label="Filter jobs" className="flex flex-col gap-2 lg:flex-row lg:items-center">
      <SearchBox view={view} setView={setView} />
      <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-center">
        <FilterSelect label="Status" value={view.status ?? ""} onChange={(value) => change({ status: (value || undefined) as JobListView["status"] })}>
          <option value="">Any status</option>
          <option value="active">Active</option>
          <option value="paused">Paused</option>
        </FilterSelect>
        <FilterSelect label="Kind" value={view.kind ?? ""} onChange={(value) => change({ kind: (value || undefined) as JobListView["kind"] })}>
          <option value="">Any kind</option>
          <option value="http">HTTP</option>
          <option value="shell">Shell</option>
          <option value="task">Task</option>
        </FilterSelect>
        <FilterSelect label="Tag" value={view.tag ?? ""} onChange={(value) => change({ tag: value || undefined })}>
          <option value="">Any tag</option>
          {tagOptions.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect label="Sort" value={view.sort ?? "name"} onChange={(value) => change({ sort: value as JobSort })}>
          {JOB_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </FilterSelect>
        <Button
          type="button"
          variant="outline"
          aria-pressed={Boolean(view.failing)}
          onClick={() => change({ failing: view.failing ? undefined : true })}
          className={cn("h-9", view.failing && "border-destructive/50 bg-destructive/10 text-destructive hover:bg-destructive/15 hover:text-destructive")}
          title="Jobs whose most recent run with an outcome failed, timed out or was lost"
        >
          <AlertTriangle />
          Failing
        </Button>
        {isFiltered(view) ? (
          <Button type="button" variant="ghost" className="h-9" onClick={() => setView({ sort: view.sort })}>
            <X />
            Clear filters
          </Button>
        ) : null}
      </div>
    </div>
  );
}

function SearchBox({ view, setView }: { view: JobListView; setView: SetJobListView }) {
  const [text, setText] = useState(view.q ?? "");
  const [seen, setSeen] = useState(view.q);
  // Back, forward or "clear filters" changed the URL: the box follows it.
  if (view.q !== seen) {
    setSeen(view.q);
    if ((view.q ?? "") !== text.trim()) setText(view.q ?? "");
  }
  useEffect(() => {
    const q = text.trim() || undefined;
    if (q === view.q) return;
    // Typing replaces the history entry: one entry per search, not one per keystroke.
    const timer = setTimeout(() => setView({ ...view, q, page: undefined }, "replace"), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, view, setView]);
  return (
    <div className="relative flex-1 lg:max-w-xs">
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input
        type="search"
        aria-label="Search jobs by name"
        placeholder="Search by name…"
        value={text}
        maxLength={200}
        onChange={(event) => setText(event.target.value)}
        className="pl-8"
      />
    </div>
  );
}

function FilterSelect({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: ReactNode }) {
  return (
    <NativeSelect aria-label={label} value={value} onChange={(event) => onChange(event.target.value)} className="h-9 w-full sm:w-auto">
      {children}
    </NativeSelect>
  );
}
