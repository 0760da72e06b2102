"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { BellRing, Mail, MessageSquare, Plus, Webhook } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AlertChannelDto } from "@/lib/alerts/channel-dto";
import { ALERT_EVENTS, EVENT_LABELS } from "@/lib/alerts/events";
import type { TestSendResult } from "@/lib/alerts/test-channel";
import { alertChannelsQuery, alertKeys } from "@/lib/queries/alerts";
import { ChannelDialog } from "./channel-dialog";
import { sendJson } from "./send-json";

const TYPE_ICONS = { webhook: Webhook, slack: MessageSquare, email: Mail } as const;
const TYPE_NAMES = { webhook: "Webhook", slack: "Slack", email: "Email" } as const;

function targetOf(channel: AlertChannelDto): string {
  return channel.type === "email" ? `${channel.config.to.join(", ")} via ${channel.config.host}:${channel.config.port}` : channel.config.target;
}

export function AlertChannels() {
  const { data: channels = [], error } = useQuery(alertChannelsQuery());
  const [editing, setEditing] = useState<AlertChannelDto | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const open = (channel: AlertChannelDto | null) => {
    setEditing(channel);
    setDialogOpen(true);
  };
  return (
    <Card>
      <CardHeader>
        <CardTitle>Channels</CardTitle>
        <CardDescription>
          One alert per change of state: a job that fails ten times in a row alerts once, and once more when it recovers.
        </CardDescription>
        <CardAction>
          <Button onClick={() => open(null)}>
            <Plus />
            New channel
          </Button>
        </CardAction>
      </CardHeader>
      <CardContent>
        {error ? (
          <p role="alert" className="text-sm text-destructive">
            {error.message}
          </p>
        ) : null}
        {channels.length === 0 ? (
          <EmptyState
            icon={<BellRing />}
            title="No alert channels yet"
            description="Add a webhook, a Slack-compatible webhook or an email address to hear about failed, missed, lost and late runs."
            action={
              <Button variant="outline" onClick={() => open(null)}>
                <Plus />
                New channel
              </Button>
            }
          />
        ) : (
          <Table aria-label="Alert channels">
            <TableHeader>
              <TableRow>
                <TableHead>Channel</TableHead>
                <TableHead className="hidden md:table-cell">Sends</TableHead>
                <TableHead className="hidden sm:table-cell">Scope</TableHead>
                <TableHead className="text-right">Actions</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {channels.map((channel) => (
                <ChannelRow key={channel.id} channel={channel} onEdit={() => open(channel)} />
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
      <ChannelDialog channel={editing} open={dialogOpen} onOpenChange={setDialogOpen} />
    </Card>
  );
}

function ChannelRow({ channel, onEdit }: { channel: AlertChannelDto; onEdit: () => void }) {
  const queryClient = useQueryClient();
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const Icon = TYPE_ICONS[channel.type];
  const allEvents = channel.events.length === ALERT_EVENTS.length;

  async function testSend() {
    setTesting(true);
    setResult(null);
    const response = await sendJson<TestSendResult>("POST", `/api/v1/alert-channels/${channel.id}/test`);
    setTesting(false);
    if (!response.ok) {
      setResult({ ok: false, text: response.message });
      toast.error(response.message);
      return;
    }
    const { ok, error } = response.data;
    setResult({ ok, text: ok ? "Test alert sent" : `Failed: ${error}` });
    if (ok) toast.success(`Test alert sent to "${channel.name}"`);
    else toast.error(`Test alert to "${channel.name}" failed: ${error}`);
    await queryClient.invalidateQueries({ queryKey: alertKeys.all });
  }

  async function remove() {
    const response = await sendJson<AlertChannelDto>("DELETE", `/api/v1/alert-channels/${channel.id}`);
    setConfirming(false);
    if (!response.ok) {
      toast.error(response.message);
      return;
    }
    toast.success(`Channel "${channel.name}" deleted`);
    await queryClient.invalidateQueries({ queryKey: alertKeys.all });
    await queryClient.invalidateQueries({ queryKey: ["jobs"] });
  }

  return (
    <TableRow data-testid={`channel-${channel.name}`}>
      <TableCell className="max-w-0 min-w-36">
        <div className="flex items-center gap-2">
          <Icon className="size-4 shrink-0 text-muted-foreground" aria-label={TYPE_NAMES[channel.type]} />
          <span className="truncate font-medium">{channel.name}</span>
          {channel.enabled ? null : <Badge variant="secondary">disabled</Badge>}
        </div>
        <div className="truncate pl-6 font-mono text-xs text-muted-foreground" title={targetOf(channel)}>
          {targetOf(channel)}
        </div>
        <div className="pl-6 text-xs text-muted-foreground sm:hidden">{channel.global ? "All jobs" : "Selected jobs"}</div>
        {result ? (
          <p role="status" className={`pl-6 text-xs ${result.ok ? "text-success" : "text-destructive"}`}>
            {result.text}
          </p>
        ) : null}
      </TableCell>
      <TableCell className="hidden md:table-cell">
        {allEvents ? (
          <span className="text-sm text-muted-foreground">All events</span>
        ) : (
          <div className="flex flex-wrap gap-1">
            {channel.events.map((event) => (
              <Badge key={event} variant="outline">
                {EVENT_LABELS[event]}
              </Badge>
            ))}
          </div>
        )}
      </TableCell>
      <TableCell className="hidden sm:table-cell">{channel.global ? <Badge variant="outline">All jobs</Badge> : <Badge variant="outline">Selected jobs</Badge>}</TableCell>
      <TableCell className="text-right">
        <div className="flex flex-col items-end gap-1.5 sm:flex-row sm:justify-end sm:gap-2">
          <Button size="sm" variant="outline" onClick={testSend} disabled={testing} aria-label={`Send a test alert to ${channel.name}`}>
            {testing ? "Sending…" : "Test"}
          </Button>
          <Button size="sm" variant="outline" onClick={onEdit} aria-label={`Edit ${channel.name}`}>
            Edit
          </Button>
          <Button size="sm" variant="ghost" className="text-destructive" onClick={() => setConfirming(true)} aria-label={`Delete ${channel.name}`}>
            Delete
          </Button>
        </div>
        <AlertDialog open={confirming} onOpenChange={setConfirming}>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>Delete &ldquo;{channel.name}&rdquo;?</AlertDialogTitle>
              <AlertDialogDescription>
                Jobs that selected it stop alerting here. Its past deliveries stay listed under its name.
              </AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>Cancel</AlertDialogCancel>
              <AlertDialogAction onClick={remove}>Delete channel</AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      </TableCell>
    </TableRow>
  );
}
