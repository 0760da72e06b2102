"use client";

import { KeyRound, Plus, X } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { newEntry, type EntryDraft } from "./form-model";

type EntriesEditorProps = {
  /** "Headers", "Environment variables". */
  label: string;
  /** One entry's noun for buttons: "header", "variable". */
  noun: string;
  /** The config field, for ids and error paths ("headers" → "config.headers.0.value"). */
  field: string;
  entries: EntryDraft[];
  onChange: (entries: EntryDraft[]) => void;
  errors: Record<string, string[]>;
  namePlaceholder: string;
};

/**
 * Name/value pairs, each optionally secret. A secret's stored value never comes back from the server:
 * its input stays empty, and left empty the server keeps the stored value.
 */
export function EntriesEditor({ label, noun, field, entries, onChange, errors, namePlaceholder }: EntriesEditorProps) {
  const update = (id: number, patch: Partial<EntryDraft>) => onChange(entries.map((entry) => (entry.id === id ? { ...entry, ...patch } : entry)));
  const general = errors[`config.${field}`];
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-2 text-sm font-medium">{label}</legend>
      {entries.length === 0 ? <p className="text-sm text-muted-foreground">None.</p> : null}
      {entries.map((entry, index) => {
        const path = `config.${field}.${index}`;
        const nameErrors = errors[`${path}.name`];
        const valueErrors = errors[`${path}.value`];
        // Name and value problems say which; anything else about the entry (its secret flag) is shown as it comes.
        const otherErrors = Object.entries(errors).flatMap(([key, list]) => (key === path || (key.startsWith(`${path}.`) && !/\.(name|value)$/.test(key)) ? list : []));
        const rowErrors = [...(nameErrors ?? []).map((m) => `Name: ${m}`), ...(valueErrors ?? []).map((m) => `Value: ${m}`), ...otherErrors];
        return (
          <div key={entry.id} className="grid gap-1" data-testid={`${field}-row`}>
            <div className="grid grid-cols-[minmax(0,1fr)_auto] gap-2 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_auto_auto] sm:items-center">
              <Input
                aria-label={`${noun} ${index + 1} name`}
                value={entry.name}
                onChange={(event) => update(entry.id, { name: event.target.value })}
                placeholder={namePlaceholder}
                className="font-mono"
                aria-invalid={Boolean(nameErrors)}
                autoComplete="off"
              />
              <Button
                type="button"
                variant="ghost"
                size="icon"
                className="sm:order-last"
                aria-label={`Remove ${noun} ${index + 1}`}
                onClick={() => onChange(entries.filter((other) => other.id !== entry.id))}
              >
                <X />
              </Button>
              <Input
                aria-label={`${noun} ${index + 1} value`}
                type={entry.secret ? "password" : "text"}
                value={entry.value}
                onChange={(event) => update(entry.id, { value: event.target.value })}
                placeholder={entry.secret ? (entry.stored ? "Unchanged (type to replace)" : "Secret value") : "value"}
                className="col-span-2 font-mono sm:col-span-1"
                aria-invalid={Boolean(valueErrors)}
                autoComplete="off"
              />
              <label className="flex items-center gap-2 text-sm whitespace-nowrap">
                <Switch checked={entry.secret} onCheckedChange={(secret) => update(entry.id, { secret })} aria-label={`${noun} ${index + 1} is secret`} />
                Secret
                {entry.secret && entry.stored ? (
                  <Badge variant="secondary" className="font-normal">
                    <KeyRound /> stored
                  </Badge>
                ) : null}
              </label>
            </div>
            {rowErrors.map((message) => (
              <p key={message} className="text-sm text-destructive">
                {message}
              </p>
            ))}
          </div>
        );
      })}
      {general?.map((message) => (
        <p key={message} className="text-sm text-destructive">
          {message}
        </p>
      ))}
      <div>
        <Button type="button" variant="outline" size="sm" onClick={() => onChange([...entries, newEntry()])}>
          <Plus /> Add {noun}
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">
        Secret values are sealed when saved and never shown again; leave a stored one empty to keep it.
      </p>
    </fieldset>
  );
}
