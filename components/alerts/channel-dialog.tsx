"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Switch } from "@/components/ui/switch";
import type { AlertChannelDto } from "@/lib/alerts/channel-dto";
import { ALERT_EVENTS, EVENT_LABELS, type AlertChannelTypeName } from "@/lib/alerts/events";
import { alertKeys } from "@/lib/queries/alerts";
import { sendJson } from "./send-json";

const TYPE_LABELS: Record<AlertChannelTypeName, string> = { webhook: "Webhook (JSON)", slack: "Slack-compatible webhook", email: "Email (SMTP)" };
const EVENT_HINTS: Record<(typeof ALERT_EVENTS)[number], string> = {
  failure: "a run failed or timed out after succeeding",
  misfire: "slots were missed",
  lost: "a worker died during a run",
  late: "a slot did not start within its start grace",
  recovery: "the first success after a problem",
};

type Draft = {
  name: string;
  type: AlertChannelTypeName;
  enabled: boolean;
  global: boolean;
  events: string[];
  url: string;
  signingSecret: string;
  host: string;
  port: string;
  security: string;
  username: string;
  password: string;
  from: string;
  to: string;
};

function draftOf(channel: AlertChannelDto | null): Draft {
  const blank: Draft = { name: "", type: "webhook", enabled: true, global: true, events: [...ALERT_EVENTS], url: "", signingSecret: "", host: "", port: "587", security: "starttls", username: "", password: "", from: "", to: "" };
  if (!channel) return blank;
  const common = { ...blank, name: channel.name, type: channel.type, enabled: channel.enabled, global: channel.global, events: channel.events };
  if (channel.type !== "email") return common;
  const { host, port, security, username, from, to } = channel.config;
  return { ...common, host, port: String(port), security, username, from, to: to.join(", ") };
}

/** The request body; secrets left empty keep their stored values on an update. */
function bodyOf(draft: Draft) {
  const config =
    draft.type === "email"
      ? {
          host: draft.host,
          port: /^\d+$/.test(draft.port.trim()) ? Number(draft.port) : draft.port,
          security: draft.security,
          username: draft.username,
          password: draft.password,
          from: draft.from.trim(),
          to: draft.to.split(/[\s,;]+/).filter(Boolean),
        }
      : draft.type === "webhook"
        ? { url: draft.url, signingSecret: draft.signingSecret }
        : { url: draft.url };
  return { name: draft.name, type: draft.type, enabled: draft.enabled, global: draft.global, events: draft.events, config };
}

/** Errors keyed by field path; "config.to.2" is shown under the recipients field. */
function errorsFor(errors: Record<string, string[]>, path: string): string[] | undefined {
  const matching = Object.entries(errors).filter(([key]) => key === path || key.startsWith(`${path}.`)).flatMap(([, messages]) => messages);
  return matching.length > 0 ? [...new Set(matching)] : undefined;
}

export function ChannelDialog({ channel, open, onOpenChange }: { channel: AlertChannelDto | null; open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-lg">
        {/* Keyed so that reopening starts from the channel as stored, not the last draft. */}
        {open ? <ChannelForm key={channel?.id ?? "new"} channel={channel} onDone={() => onOpenChange(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function ChannelForm({ channel, onDone }: { channel: AlertChannelDto | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(channel));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const editing = channel !== null;
  const sameType = editing && channel.type === draft.type;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    const result = await sendJson<AlertChannelDto>(editing ? "PUT" : "POST", editing ? `/api/v1/alert-channels/${channel.id}` : "/api/v1/alert-channels", bodyOf(draft));
    setPending(false);
    if (!result.ok) {
      setErrors(result.fieldErrors);
      setMessage(Object.keys(result.fieldErrors).length > 0 ? "Fix the fields marked above." : result.message);
      return;
    }
    toast.success(editing ? `Channel "${result.data.name}" saved` : `Channel "${result.data.name}" created`);
    await queryClient.invalidateQueries({ queryKey: alertKeys.all });
    onDone();
  }

  const keepHint = (set: boolean | undefined) => (sameType && set ? "Leave empty to keep the stored value." : undefined);
  const storedUrl = sameType && channel.type !== "email" ? channel.config.target : null;

  return (
    <form onSubmit={submit} aria-label={editing ? "Edit alert channel" : "New alert channel"} className="grid gap-4" noValidate>
      <DialogHeader>
        <DialogTitle>{editing ? `Edit "${channel.name}"` : "New alert channel"}</DialogTitle>
        <DialogDescription>Where Sundial sends an alert when a job changes state.</DialogDescription>
      </DialogHeader>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" htmlFor="channel-name" errors={errorsFor(errors, "name")}>
          <Input id="channel-name" value={draft.name} onChange={(e) => set("name", e.target.value)} placeholder="on-call" aria-invalid={Boolean(errors.name)} />
        </Field>
        <Field label="Type" htmlFor="channel-type" errors={errorsFor(errors, "type")}>
          <NativeSelect id="channel-type" value={draft.type} onChange={(e) => set("type", e.target.value as AlertChannelTypeName)}>
            {(Object.keys(TYPE_LABELS) as AlertChannelTypeName[]).map((type) => (
              <option key={type} value={type}>
                {TYPE_LABELS[type]}
              </option>
            ))}
          </NativeSelect>
        </Field>
      </div>

      {draft.type !== "email" ? (
        <>
          <Field
            label="Webhook URL"
            htmlFor="channel-url"
            errors={errorsFor(errors, "config.url")}
            hint={storedUrl ? `Stored: ${storedUrl} (sealed). Leave empty to keep it.` : "Stored sealed: it often carries the credential."}
          >
            <Input id="channel-url" type="url" value={draft.url} onChange={(e) => set("url", e.target.value)} placeholder={draft.type === "slack" ? "https://hooks.slack.com/services/…" : "https://example.com/hooks/sundial"} aria-invalid={Boolean(errorsFor(errors, "config.url"))} />
          </Field>
          {draft.type === "webhook" ? (
            <Field
              label="Signing secret (optional)"
              htmlFor="channel-signing"
              errors={errorsFor(errors, "config.signingSecret")}
              hint={keepHint(channel?.type === "webhook" && channel.config.signingSecretSet) ?? "Requests carry X-Sundial-Signature: sha256=<HMAC of the body>."}
            >
              <Input id="channel-signing" type="password" autoComplete="off" value={draft.signingSecret} onChange={(e) => set("signingSecret", e.target.value)} />
            </Field>
          ) : null}
        </>
      ) : (
        <div className="grid gap-4 sm:grid-cols-6">
          <Field label="SMTP host" htmlFor="channel-host" className="sm:col-span-3" errors={errorsFor(errors, "config.host")}>
            <Input id="channel-host" value={draft.host} onChange={(e) => set("host", e.target.value)} placeholder="smtp.example.com" aria-invalid={Boolean(errors["config.host"])} />
          </Field>
          <Field label="Port" htmlFor="channel-port" className="sm:col-span-1" errors={errorsFor(errors, "config.port")}>
            <Input id="channel-port" inputMode="numeric" value={draft.port} onChange={(e) => set("port", e.target.value)} aria-invalid={Boolean(errors["config.port"])} />
          </Field>
          <Field label="Security" htmlFor="channel-security" className="sm:col-span-2" errors={errorsFor(errors, "config.security")}>
            <NativeSelect id="channel-security" value={draft.security} onChange={(e) => set("security", e.target.value)}>
              <option value="starttls">STARTTLS</option>
              <option value="tls">TLS (465)</option>
              <option value="none">None (local relay)</option>
            </NativeSelect>
          </Field>
          <Field label="Username (optional)" htmlFor="channel-username" className="sm:col-span-3" errors={errorsFor(errors, "config.username")}>
            <Input id="channel-username" autoComplete="off" value={draft.username} onChange={(e) => set("username", e.target.value)} />
          </Field>
          <Field label="Password" htmlFor="channel-password" className="sm:col-span-3" errors={errorsFor(errors, "config.password")} hint={keepHint(channel?.type === "email" && channel.config.passwordSet)}>
            <Input id="channel-password" type="password" autoComplete="new-password" value={draft.password} onChange={(e) => set("password", e.target.value)} />
          </Field>
          <Field label="From" htmlFor="channel-from" className="sm:col-span-6" errors={errorsFor(errors, "config.from")}>
            <Input id="channel-from" type="email" value={draft.from} onChange={(e) => set("from", e.target.value)} placeholder="sundial@example.com" aria-invalid={Boolean(errors["config.from"])} />
          </Field>
          <Field label="Recipients" htmlFor="channel-to" className="sm:col-span-6" errors={errorsFor(errors, "config.to")} hint="Separate addresses with commas.">
            <Input id="channel-to" value={draft.to} onChange={(e) => set("to", e.target.value)} placeholder="ops@example.com, oncall@example.com" aria-invalid={Boolean(errorsFor(errors, "config.to"))} />
          </Field>
        </div>
      )}

      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Send on</legend>
        {ALERT_EVENTS.map((event) => (
          <label key={event} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-0.5 size-4 accent-primary"
              checked={draft.events.includes(event)}
              onChange={(e) => set("events", e.target.checked ? [...draft.events, event] : draft.events.filter((other) => other !== event))}
            />
            <span>
              {EVENT_LABELS[event]} <span className="text-muted-foreground">— {EVENT_HINTS[event]}</span>
            </span>
          </label>
        ))}
        {errorsFor(errors, "events")?.map((error) => (
          <p key={error} className="text-sm text-destructive">
            {error}
          </p>
        ))}
      </fieldset>

      <div className="grid gap-3 rounded-md border p-3">
        <SwitchRow id="channel-global" label="All jobs" description="Off: only jobs that select this channel alert here." checked={draft.global} onChange={(checked) => set("global", checked)} />
        <SwitchRow id="channel-enabled" label="Enabled" description="A disabled channel keeps its settings and gets nothing." checked={draft.enabled} onChange={(checked) => set("enabled", checked)} />
      </div>

      {message ? (
        <p role="alert" className="text-sm text-destructive">
          {message}
        </p>
      ) : null}
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {editing ? "Save channel" : "Create channel"}
        </Button>
      </DialogFooter>
    </form>
  );
}

function SwitchRow({ id, label, description, checked, onChange }: { id: string; label: string; description: ReactNode; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="flex items-center justify-between gap-4">
      <label htmlFor={id} className="grid gap-0.5 text-sm">
        <span className="font-medium">{label}</span>
        <span className="text-xs text-muted-foreground">{description}</span>
      </label>
      <Switch id={id} checked={checked} onCheckedChange={onChange} />
    </div>
  );
}
