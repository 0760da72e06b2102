"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { CalendarClock, Loader2, TriangleAlert } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { Instant } from "@/components/time/instant";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { schedulePreviewQuery, type PreviewAnswer } from "@/lib/queries/schedules";
import type { TriggerType } from "@/lib/validation/trigger";
import {
  CALENDAR_UNITS,
  CRON_PRESETS,
  DEFAULT_PRESET_SETTINGS,
  INTERVAL_UNITS,
  cronOfPreset,
  nextMinuteWallText,
  presetOfCron,
  triggerOf,
  type CronPreset,
  type CronPresetId,
  type TriggerDraft,
} from "./trigger-builder-model";

const TYPE_LABELS: Record<TriggerType, string> = { cron: "Cron", interval: "Interval", date: "One-off", calendar: "Calendar" };
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const PREVIEW_DELAY_MS = 300;

type Errors = Record<string, string[]>;

/** The messages at a path and below it ("trigger.every" also shows "trigger.every.minutes"). */
function errorsAt(errors: Errors, path: string): string[] | undefined {
  const messages = [...new Set(Object.entries(errors).flatMap(([key, list]) => (key === path || key.startsWith(`${path}.`) ? list : [])))];
  return messages.length > 0 ? messages : undefined;
}

/** The value once it has stopped changing for a moment: the preview is asked while typing pauses, not per keystroke. */
function useSettled(text: string): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return settled;
}

/** Whether the draft is far enough along to preview (an empty expression is not a mistake yet). */
function previewable(draft: TriggerDraft): boolean {
  if (draft.type === "cron") return draft.expression.trim() !== "";
  if (draft.type === "date") return draft.runAt.trim() !== "";
  if (draft.type === "interval") return draft.intervalStart.trim() !== "";
  return draft.calendarStartDate.trim() !== "" && draft.calendarAt.trim() !== "";
}

type TriggerBuilderProps = {
  draft: TriggerDraft;
  onChange: (draft: TriggerDraft) => void;
  /** The last save's problems, keyed by the job's field paths ("trigger.expression"). */
  errors: Errors;
  timeZones: string[];
};

/**
 * The schedule part of the job form: a trigger of any type, its zone, and — as it is typed — the
 * schedule in plain words with its next fire times, DST notes and problems, from the same preview
 * service the API offers, so what is shown is what the scheduler will do.
 */
export function TriggerBuilder({ draft, onChange, errors, timeZones }: TriggerBuilderProps) {
  const trigger = useMemo(() => triggerOf(draft), [draft]);
  const ready = previewable(draft);
  const settledText = useSettled(ready ? JSON.stringify(trigger) : "");
  const settled = useMemo(() => (settledText ? (JSON.parse(settledText) as Record<string, unknown>) : null), [settledText]);
  const preview = useQuery({ ...schedulePreviewQuery(settled), enabled: settled !== null, placeholderData: keepPreviousData });
  const previewErrors = preview.data && !preview.data.ok && !preview.isPlaceholderData ? preview.data.fieldErrors : {};
  // Live problems first; a save's problems stay until their field is edited (the form clears them).
  const all: Errors = { ...errors };
  for (const [key, list] of Object.entries(previewErrors)) all[key] = [...new Set([...(all[key] ?? []), ...list])];

  const set = (patch: Partial<TriggerDraft>) => onChange({ ...draft, ...patch });
  const setType = (type: TriggerType) => {
    // An interval needs a start; the next minute is the natural one.
    if (type === "interval" && draft.intervalStart.trim() === "") set({ type, intervalStart: nextMinuteWallText(draft.timezone) });
    else set({ type });
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
      <div className="grid content-start gap-5">
        <div className="grid gap-2">
          <span className="text-sm font-medium" id="trigger-type-label">
            Trigger
          </span>
          <Tabs value={draft.type} onValueChange={(value) => setType(value as TriggerType)}>
            <TabsList aria-labelledby="trigger-type-label" className="w-full sm:w-fit">
              {(Object.keys(TYPE_LABELS) as TriggerType[]).map((type) => (
                <TabsTrigger key={type} value={type} className="px-3">
                  {TYPE_LABELS[type]}
                </TabsTrigger>
              ))}
            </TabsList>
          </Tabs>
          {errorsAt(all, "trigger.type")?.map((message) => (
            <p key={message} className="text-sm text-destructive">
              {message}
            </p>
          ))}
        </div>

        {draft.type === "cron" ? <CronFields draft={draft} set={set} errors={all} /> : null}
        {draft.type === "interval" ? <IntervalFields draft={draft} set={set} errors={all} /> : null}
        {draft.type === "date" ? (
          <Field label="Run once at" htmlFor="trigger-run-at" errors={errorsAt(all, "trigger.runAt")} hint={`In ${draft.timezone}.`}>
            <Input
              id="trigger-run-at"
              type="datetime-local"
              step={1}
              value={draft.runAt}
              onChange={(event) => set({ runAt: event.target.value })}
              aria-invalid={Boolean(errorsAt(all, "trigger.runAt"))}
            />
          </Field>
        ) : null}
        {draft.type === "calendar" ? <CalendarFields draft={draft} set={set} errors={all} /> : null}

        <Field
          label="Timezone"
          htmlFor="trigger-timezone"
          errors={errorsAt(all, "trigger.timezone")}
          hint="Times above, and the schedule itself, are read in this zone, DST included."
        >
          <TimeZoneSelect id="trigger-timezone" value={draft.timezone} timeZones={timeZones} onChange={(timezone) => set({ timezone })} />
        </Field>
      </div>

      <SchedulePreviewPanel
        ready={ready}
        fetching={preview.isFetching}
        failure={preview.error}
        answer={preview.data}
        problems={all.trigger ?? []}
        timezone={draft.timezone}
      />
    </div>
  );
}

type FieldsProps = { draft: TriggerDraft; set: (patch: Partial<TriggerDraft>) => void; errors: Errors };

function CronFields({ draft, set, errors }: FieldsProps) {
  const preset = presetOfCron(draft.expression);
  const [settings, setSettings] = useState(preset ?? { id: "daily" as CronPresetId, ...DEFAULT_PRESET_SETTINGS });
  const current: CronPreset | null = preset ? { ...settings, ...preset } : null;
  const choose = (next: CronPreset) => {
    setSettings(next);
    set({ expression: cronOfPreset(next) });
  };
  const expressionErrors = errorsAt(errors, "trigger.expression");
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_auto]">
        <Field label="Preset" htmlFor="trigger-preset">
          <NativeSelect
            id="trigger-preset"
            value={current?.id ?? "custom"}
            onChange={(event) => {
              if (event.target.value !== "custom") choose({ ...settings, id: event.target.value as CronPresetId });
            }}
          >
            <option value="custom">Custom expression</option>
            {CRON_PRESETS.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </NativeSelect>
        </Field>
        {current && ["daily", "weekdays", "weekly", "monthly"].includes(current.id) ? (
          <div className="flex flex-wrap items-end gap-3">
            {current.id === "weekly" ? (
              <Field label="On" htmlFor="trigger-preset-weekday">
                <NativeSelect id="trigger-preset-weekday" value={current.weekday} onChange={(event) => choose({ ...current, weekday: Number(event.target.value) })}>
                  {WEEKDAYS.map((day, index) => (
                    <option key={day} value={index}>
                      {day}
                    </option>
                  ))}
                </NativeSelect>
              </Field>
            ) : null}
            {current.id === "monthly" ? (
              <Field label="Day" htmlFor="trigger-preset-day">
                <NativeSelect id="trigger-preset-day" value={current.monthDay} onChange={(event) => choose({ ...current, monthDay: Number(event.target.value) })}>
                  {Array.from({ length: 31 }, (_, index) => index + 1).map((day) => (
                    <option key={day} value={day}>
                      {day}
                    </option>
                  ))}
                </NativeSelect>
              </Field>
            ) : null}
            <Field label="At" htmlFor="trigger-preset-time">
              <Input
                id="trigger-preset-time"
                type="time"
                value={current.time}
                onChange={(event) => {
                  if (event.target.value) choose({ ...current, time: event.target.value });
                }}
                className="w-32"
              />
            </Field>
          </div>
        ) : null}
      </div>
      <Field
        label="Cron expression"
        htmlFor="trigger-expression"
        errors={expressionErrors}
        hint="minute hour day-of-month month day-of-week (6 fields with seconds first), or @hourly, @daily, @weekly…"
      >
        <Input
          id="trigger-expression"
          value={draft.expression}
          onChange={(event) => set({ expression: event.target.value })}
          placeholder="30 2 * * 1-5"
          className="font-mono"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={Boolean(expressionErrors)}
          aria-describedby={expressionErrors ? "trigger-expression-error" : undefined}
        />
      </Field>
      <BoundFields draft={draft} set={set} errors={errors} />
    </>
  );
}

function BoundFields({ draft, set, errors }: FieldsProps) {
  const interval = draft.type === "interval";
  const start = interval ? draft.intervalStart : draft.cronStart;
  const end = interval ? draft.intervalEnd : draft.cronEnd;
  const hint = `In ${draft.timezone}.`;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label={interval ? "Starting at" : "Not before (optional)"} htmlFor="trigger-start" errors={errorsAt(errors, "trigger.start")} hint={hint}>
        <Input
          id="trigger-start"
          type="datetime-local"
          step={1}
          value={start}
          onChange={(event) => set(interval ? { intervalStart: event.target.value } : { cronStart: event.target.value })}
          aria-invalid={Boolean(errorsAt(errors, "trigger.start"))}
        />
      </Field>
      <Field label="Until (optional)" htmlFor="trigger-end" errors={errorsAt(errors, "trigger.end")} hint={hint}>
        <Input
          id="trigger-end"
          type="datetime-local"
          step={1}
          value={end}
          onChange={(event) => set(interval ? { intervalEnd: event.target.value } : { cronEnd: event.target.value })}
          aria-invalid={Boolean(errorsAt(errors, "trigger.end"))}
        />
      </Field>
    </div>
  );
}

function UnitInputs<U extends string>({
  idPrefix,
  units,
  values,
  onChange,
  invalid,
}: {
  idPrefix: string;
  units: readonly U[];
  values: Record<U, string>;
  onChange: (values: Record<U, string>) => void;
  invalid: boolean;
}) {
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-5">
      {units.map((unit) => (
        <div key={unit} className="grid gap-1">
          <Input
            id={`${idPrefix}-${unit}`}
            inputMode="numeric"
            value={values[unit]}
            onChange={(event) => onChange({ ...values, [unit]: event.target.value })}
            placeholder="0"
            aria-invalid={invalid}
            aria-label={`Every … ${unit}`}
          />
          <label htmlFor={`${idPrefix}-${unit}`} className="text-xs text-muted-foreground">
            {unit}
          </label>
        </div>
      ))}
    </div>
  );
}

function IntervalFields({ draft, set, errors }: FieldsProps) {
  const everyErrors = errorsAt(errors, "trigger.every");
  return (
    <>
      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-medium">Every</legend>
        <UnitInputs idPrefix="trigger-every" units={INTERVAL_UNITS} values={draft.intervalEvery} onChange={(intervalEvery) => set({ intervalEvery })} invalid={Boolean(everyErrors)} />
        <p className="text-xs text-muted-foreground">Counted from the start in absolute time: a DST change does not stretch or shrink it.</p>
        {everyErrors?.map((message) => (
          <p key={message} className="text-sm text-destructive">
            {message}
          </p>
        ))}
      </fieldset>
      <BoundFields draft={draft} set={set} errors={errors} />
    </>
  );
}

function CalendarFields({ draft, set, errors }: FieldsProps) {
  const everyErrors = errorsAt(errors, "trigger.every");
  return (
    <>
      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-medium">Every</legend>
        <UnitInputs idPrefix="trigger-calendar-every" units={CALENDAR_UNITS} values={draft.calendarEvery} onChange={(calendarEvery) => set({ calendarEvery })} invalid={Boolean(everyErrors)} />
        <p className="text-xs text-muted-foreground">Steps by the calendar: the 31st of a month runs on the last day of shorter months.</p>
        {everyErrors?.map((message) => (
          <p key={message} className="text-sm text-destructive">
            {message}
          </p>
        ))}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="At" htmlFor="trigger-calendar-at" errors={errorsAt(errors, "trigger.at")}>
          <Input id="trigger-calendar-at" type="time" step={1} value={draft.calendarAt} onChange={(event) => set({ calendarAt: event.target.value })} />
        </Field>
        <Field label="First day" htmlFor="trigger-calendar-start" errors={errorsAt(errors, "trigger.startDate")}>
          <Input id="trigger-calendar-start" type="date" value={draft.calendarStartDate} onChange={(event) => set({ calendarStartDate: event.target.value })} />
        </Field>
        <Field label="Last day (optional)" htmlFor="trigger-calendar-end" errors={errorsAt(errors, "trigger.endDate")}>
          <Input id="trigger-calendar-end" type="date" value={draft.calendarEndDate} onChange={(event) => set({ calendarEndDate: event.target.value })} />
        </Field>
      </div>
    </>
  );
}

function TimeZoneSelect({ id, value, timeZones, onChange }: { id: string; value: string; timeZones: string[]; onChange: (zone: string) => void }) {
  const groups = useMemo(() => {
    const zones = [...new Set(["UTC", ...timeZones, value])];
    const byRegion = new Map<string, string[]>();
    for (const zone of zones) {
      const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "Other";
      byRegion.set(region, [...(byRegion.get(region) ?? []), zone]);
    }
    return [...byRegion.entries()].sort(([a], [b]) => (a === "Other" ? -1 : b === "Other" ? 1 : a.localeCompare(b)));
  }, [timeZones, value]);
  return (
    <NativeSelect id={id} value={value} onChange={(event) => onChange(event.target.value)}>
      {groups.map(([region, zones]) => (
        <optgroup key={region} label={region}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </optgroup>
      ))}
    </NativeSelect>
  );
}

type PreviewPanelProps = {
  ready: boolean;
  fetching: boolean;
  failure: Error | null;
  answer: PreviewAnswer | undefined;
  problems: string[];
  timezone: string;
};

function SchedulePreviewPanel({ ready, fetching, failure, answer, problems, timezone }: PreviewPanelProps) {
  const preview = answer?.ok ? answer.preview : null;
  return (
    <section aria-label="Schedule preview" aria-busy={fetching} className="grid content-start gap-4 self-start rounded-lg border bg-muted/40 p-4 text-sm lg:sticky lg:top-4">
      <div className="flex items-center justify-between gap-2">
        <h3 className="font-medium">When it runs</h3>
        {fetching ? <Loader2 aria-hidden className="size-4 animate-spin text-muted-foreground" /> : null}
      </div>
      {!ready ? (
        <p className="text-muted-foreground">Fill in the schedule to see when it runs.</p>
      ) : failure ? (
        <p role="alert" className="text-destructive">
          Could not preview the schedule: {failure.message}
        </p>
      ) : answer && !answer.ok ? (
        <p className="text-muted-foreground">Fix the schedule to see when it runs.</p>
      ) : preview ? (
        <>
          <p data-testid="schedule-description" className="text-base leading-snug font-medium">
            {preview.description}
          </p>
          {preview.fireTimes.length === 0 ? (
            <p className="text-muted-foreground">It has no run after now.</p>
          ) : (
            <div className="grid gap-1.5">
              <span className="text-xs font-medium tracking-wide text-muted-foreground uppercase">Next {preview.fireTimes.length === 1 ? "run" : `${preview.fireTimes.length} runs`}</span>
              <ol aria-label="Next fire times" className="grid gap-1">
                {preview.fireTimes.map((fire) => (
                  <li key={fire.at} className="flex items-baseline justify-between gap-3">
                    <span className="font-mono text-xs tabular-nums">{fire.local}</span>
                    <span className="text-xs text-muted-foreground">
                      <Instant value={fire.at} timeZone={timezone} />
                    </span>
                  </li>
                ))}
              </ol>
            </div>
          )}
          {preview.dstNotes.length > 0 ? (
            <ul aria-label="Daylight saving time" className="grid gap-2">
              {preview.dstNotes.map((note) => (
                <li key={`${note.date}-${note.kind}`} className="flex gap-2 rounded-md border border-amber-500/40 bg-amber-500/10 p-2 text-xs">
                  <CalendarClock aria-hidden className="mt-0.5 size-3.5 shrink-0 text-amber-600" />
                  <span>{note.message}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : (
        <p className="text-muted-foreground">Working it out…</p>
      )}
      {problems.length > 0 ? (
        <div role="alert" className="flex gap-2 text-destructive">
          <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          <div className="grid gap-1">
            {problems.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        </div>
      ) : null}
    </section>
  );
}
