"use client";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import type { PayloadDraft, PayloadField, PayloadForm } from "./payload-form";

type TaskPayloadFieldsProps = {
  form: PayloadForm;
  draft: PayloadDraft;
  onChange: (draft: PayloadDraft) => void;
  /** Problems keyed by path within the payload ("keepDays"; "_" for the payload as a whole). */
  errors?: Record<string, string[]>;
  /** Prefix of the inputs' ids, unique on the page. */
  idPrefix: string;
  /** Said under the payload, e.g. what an empty payload means where it is used. */
  hint?: string;
};

function fieldHint(field: PayloadField): string | undefined {
  const parts: string[] = [];
  if (field.type === "integer") parts.push("A whole number");
  if (field.type === "number") parts.push("A number");
  if (field.minimum !== undefined && field.maximum !== undefined) parts.push(`from ${field.minimum} to ${field.maximum}`);
  else if (field.minimum !== undefined) parts.push(`at least ${field.minimum}`);
  else if (field.maximum !== undefined) parts.push(`at most ${field.maximum}`);
  if (field.format === "uri") parts.push("An http:// or https:// URL");
  if (field.format === "date") parts.push("A date, YYYY-MM-DD");
  if (field.type === "json") parts.push("JSON");
  return parts.length > 0 ? `${parts.join(", ")}.` : undefined;
}

/** The errors of a field and of anything inside it ("items.0" belongs to "items"). */
function errorsFor(errors: Record<string, string[]>, name: string): string[] | undefined {
  const messages = Object.entries(errors)
    .filter(([path]) => path === name || path.startsWith(`${name}.`))
    .flatMap(([, list]) => list);
  return messages.length > 0 ? messages : undefined;
}

/**
 * A task's payload as a form, built from the task's schema (see payload-form.ts): a field per simple
 * property, a JSON editor for the rest. Controlled: the caller keeps the draft and turns it into a
 * payload with payloadOf when it submits.
 */
export function TaskPayloadFields({ form, draft, onChange, errors = {}, idPrefix, hint }: TaskPayloadFieldsProps) {
  if (form.mode === "json" || draft.mode === "json") {
    const id = `${idPrefix}-json`;
    const text = draft.mode === "json" ? draft.text : "";
    const messages = Object.values(errors).flat();
    return (
      <Field label="Payload (JSON)" htmlFor={id} errors={messages.length > 0 ? messages : undefined} hint={hint}>
        <Textarea
          id={id}
          value={text}
          onChange={(event) => onChange({ mode: "json", text: event.target.value })}
          className="min-h-28 font-mono text-xs"
          spellCheck={false}
          placeholder='{ "key": "value" }'
          aria-invalid={messages.length > 0}
        />
      </Field>
    );
  }
  const values = draft.values;
  const set = (name: string, value: string) => onChange({ mode: "fields", values: { ...values, [name]: value } });
  const known = new Set(form.fields.map((field) => field.name));
  // Problems with the payload as a whole, or with keys no field shows (a misspelt key sent by the API).
  const general = Object.entries(errors)
    .filter(([path]) => path === "_" || !known.has(path.split(".")[0]!))
    .flatMap(([, list]) => list);
  return (
    <div className="grid gap-4">
      {form.fields.length === 0 ? <p className="text-sm text-muted-foreground">This task takes no payload.</p> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {form.fields.map((field) => {
          const id = `${idPrefix}-${field.name}`;
          const fieldErrors = errorsFor(errors, field.name);
          const label = field.required ? field.name : `${field.name} (optional)`;
          const value = values[field.name] ?? "";
          return (
            <Field key={field.name} label={label} htmlFor={id} errors={fieldErrors} hint={fieldHint(field)} className={field.type === "json" ? "sm:col-span-2" : undefined}>
              {field.type === "boolean" || field.type === "enum" ? (
                <NativeSelect id={id} value={value} onChange={(event) => set(field.name, event.target.value)} aria-invalid={Boolean(fieldErrors)}>
                  {field.required && value !== "" ? null : <option value="">{field.required ? "Choose…" : "Not set"}</option>}
                  {(field.type === "boolean" ? ["true", "false"] : field.options!).map((option) => (
                    <option key={option} value={option}>
                      {field.type === "boolean" ? (option === "true" ? "Yes" : "No") : option}
                    </option>
                  ))}
                </NativeSelect>
              ) : field.type === "json" ? (
                <Textarea
                  id={id}
                  value={value}
                  onChange={(event) => set(field.name, event.target.value)}
                  className="font-mono text-xs"
                  spellCheck={false}
                  aria-invalid={Boolean(fieldErrors)}
                />
              ) : (
                <Input
                  id={id}
                  value={value}
                  onChange={(event) => set(field.name, event.target.value)}
                  inputMode={field.type === "integer" ? "numeric" : field.type === "number" ? "decimal" : undefined}
                  placeholder={field.format === "uri" ? "https://" : undefined}
                  aria-invalid={Boolean(fieldErrors)}
                />
              )}
            </Field>
          );
        })}
      </div>
      {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
      {general.length > 0 ? (
        <div className="grid gap-1">
          {general.map((message) => (
            <p key={message} role="alert" className="text-sm text-destructive">
              {message}
            </p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
