"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { jobListSearch, jobListViewFrom, type JobListView } from "@/lib/validation/job-queries";

export type SetJobListView = (next: JobListView, history?: "push" | "replace") => void;

/**
 * The list's filters, sort and page live in the URL, so a view can be shared and survives a
 * reload. Changing them writes the browser's history directly: Next keeps useSearchParams in step
 * (back and forward included) without a server round trip, and React Query fetches the new page.
 */
export function useJobListView(): [JobListView, SetJobListView] {
  const params = useSearchParams();
  const view = useMemo(() => jobListViewFrom(params), [params]);
  const setView = useCallback<SetJobListView>((next, history = "push") => {
    const url = `${window.location.pathname}${jobListSearch(next)}`;
    if (url === `${window.location.pathname}${window.location.search}`) return;
    if (history === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }, []);
  return [view, setView];
}
