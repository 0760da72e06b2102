import { queryOptions } from "@tanstack/react-query";
import type { SchedulePreview } from "../schedule/preview";

export const scheduleKeys = {
  all: ["schedules"] as const,
  preview: (trigger: unknown, count: number) => [...scheduleKeys.all, "preview", { trigger, count }] as const,
};

/** A preview, or the trigger's problems keyed by field path ("trigger.expression"): a bad draft is an answer, not a failure. */
export type PreviewAnswer = { ok: true; preview: SchedulePreview } | { ok: false; message: string; fieldErrors: Record<string, string[]> };

/** The plain-words description, next fire times and DST notes of a trigger the user is still typing. */
export const schedulePreviewQuery = (trigger: unknown, count = 5) =>
  queryOptions({
    queryKey: scheduleKeys.preview(trigger, count),
    queryFn: async ({ signal }): Promise<PreviewAnswer> => {
      const response = await fetch("/api/v1/schedules/preview", {
        method: "POST",
        headers: { accept: "application/json", "content-type": "application/json" },
        body: JSON.stringify({ trigger, count }),
        signal,
      });
      const body = (await response.json().catch(() => null)) as
        | { data?: SchedulePreview; error?: { code?: string; message?: string; details?: { fieldErrors?: Record<string, string[]> } | null } }
        | null;
      if (response.ok && body?.data) return { ok: true, preview: body.data };
      if (response.status === 422 && body?.error) {
        return { ok: false, message: body.error.message ?? "The schedule is invalid", fieldErrors: body.error.details?.fieldErrors ?? {} };
      }
      throw new Error(body?.error?.message ?? `the schedule preview answered ${response.status}`);
    },
    // The fire times are relative to now: asked again now and then, a preview left open doesn't
    // go on listing times already past.
    staleTime: 30_000,
    refetchInterval: 30_000,
  });
