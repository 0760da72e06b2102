"use client";

// Upload an export file → the dry run's plan (or every problem, by job and field) → confirm → import.
import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
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
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ImportAction, ImportResult } from "@/lib/jobs/import-jobs";
import type { ImportMode } from "@/lib/validation/job-export";
import type { ActionResult } from "@/lib/web/action-result";

export type ImportJobsAction = (previous: unknown, input: Record<string, unknown>) => Promise<ActionResult<ImportResult>>;

type Problem = { job: string | null; field: string; messages: string[] };

const ACTION_BADGES: Record<ImportAction, { label: string; variant: "success" | "warning" | "destructive" | "outline" }> = {
  create: { label: "create", variant: "success" },
  update: { label: "update", variant: "warning" },
  delete: { label: "delete", variant: "destructive" },
  unchanged: { label: "unchanged", variant: "outline" },
};

/** The names of the file's jobs by index, to say which job a "jobs.3.trigger" error is about. */
function jobNames(text: string): (string | null)[] {
  try {
    const parsed = JSON.parse(text) as { jobs?: unknown };
    return Array.isArray(parsed.jobs) ? parsed.jobs.map((job) => (job && typeof job === "object" && typeof (job as { name?: unknown }).name === "string" ? (job as { name: string }).name : null)) : [];
  } catch {
    return [];
  }
}

function problemsOf(fieldErrors: Record<string, string[]>, names: (string | null)[]): Problem[] {
  return Object.entries(fieldErrors).map(([key, messages]) => {
    const match = /^jobs\.(\d+)\.(.+)$/.exec(key);
    if (!match) return { job: null, field: key === "fileWithSecrets" ? "file" : key, messages };
    const index = Number(match[1]);
    return { job: names[index] ?? `job ${index + 1}`, field: match[2]!, messages };
  });
}

export function ImportJobs({ importJobs }: { importJobs: ImportJobsAction }) {
  const queryClient = useQueryClient();
  const [fileName, setFileName] = useState<string | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [mode, setMode] = useState<ImportMode>("merge");
  const [plan, setPlan] = useState<ImportResult | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();

  function run(fileText: string, importMode: ImportMode, dryRun: boolean) {
    startTransition(async () => {
      const result = await importJobs(null, { fileWithSecrets: fileText, mode: importMode, dryRun });
      if (result.ok) {
        setPlan(result.data);
        setProblems([]);
        setMessage(null);
        if (result.data.applied) {
          const { create, update, delete: deleted } = result.data.counts;
          toast.success(`Imported: ${create} created, ${update} updated, ${deleted} deleted`);
          await queryClient.invalidateQueries({ queryKey: ["jobs"] });
        }
        return;
      }
      setPlan(null);
      setMessage(result.message);
      setProblems(problemsOf(result.fieldErrors ?? {}, jobNames(fileText)));
      if (!dryRun) toast.error(result.message);
    });
  }

  async function choose(file: File | undefined) {
    if (!file) return;
    const content = await file.text();
    setFileName(file.name);
    setText(content);
    run(content, mode, true);
  }

  const changes = plan ? plan.counts.create + plan.counts.update + plan.counts.delete : 0;
  const applied = plan?.applied ?? false;

  return (
    <Card>
      <CardHeader>
        <CardTitle>Import</CardTitle>
        <CardDescription>
          Choose an export file: you see what it would change before anything is written. Jobs are matched by name; a secret left empty keeps the
          stored value, a new job needs it filled in.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-6">
        <div className="grid gap-4 sm:grid-cols-[1fr_14rem]">
          <Field label="Export file" htmlFor="import-file" hint={fileName ? `Read ${fileName}` : "A .json file from Download export"}>
            <Input id="import-file" type="file" accept="application/json,.json" disabled={pending} onChange={(event) => void choose(event.target.files?.[0])} />
          </Field>
          <Field label="Mode" htmlFor="import-mode" hint={mode === "replace" ? "Deletes the jobs the file doesn't name" : "Leaves other jobs alone"}>
            <NativeSelect
              id="import-mode"
              value={mode}
              disabled={pending}
              onChange={(event) => {
                const next = event.target.value as ImportMode;
                setMode(next);
                if (text !== null) run(text, next, true);
              }}
            >
              <option value="merge">Merge</option>
              <option value="replace">Replace</option>
            </NativeSelect>
          </Field>
        </div>

        {message ? (
          <div role="alert" className="space-y-3 rounded-md border border-destructive/40 bg-destructive/5 px-4 py-3">
            <p className="text-sm font-medium text-destructive">{message}</p>
            {problems.length > 0 ? (
              <ul className="space-y-1 text-sm" aria-label="Problems">
                {problems.map((problem) => (
                  <li key={`${problem.job}-${problem.field}`}>
                    {problem.job ? <span className="font-medium">{problem.job}</span> : <span className="font-medium">File</span>}
                    <span className="text-muted-foreground"> · </span>
                    <code className="font-mono text-xs">{problem.field}</code>: {problem.messages.join("; ")}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}

        {plan ? (
          <div className="space-y-4" data-testid="import-plan">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="font-medium">{applied ? "Imported:" : "Would:"}</span>
              {(["create", "update", "delete", "unchanged"] as const).map((action) => (
                <Badge key={action} variant={plan.counts[action] > 0 ? ACTION_BADGES[action].variant : "outline"}>
                  {plan.counts[action]} {action === "unchanged" ? "unchanged" : action}
                </Badge>
              ))}
            </div>
            {plan.plan.length > 0 ? (
              <div className="overflow-x-auto rounded-md border">
                <Table aria-label="Import plan">
                  <TableHeader>
                    <TableRow>
                      <TableHead>Job</TableHead>
                      <TableHead>Change</TableHead>
                      <TableHead>Fields</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {plan.plan.map((item) => (
                      <TableRow key={item.name}>
                        <TableCell className="font-medium">{item.name}</TableCell>
                        <TableCell>
                          <Badge variant={ACTION_BADGES[item.action].variant}>{ACTION_BADGES[item.action].label}</Badge>
                        </TableCell>
                        <TableCell className="font-mono text-xs text-muted-foreground">{item.changes.join(", ")}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            ) : (
              <p className="text-sm text-muted-foreground">The file holds no jobs.</p>
            )}
            {!applied ? (
              <div className="flex items-center gap-3">
                <Button disabled={pending || changes === 0 || text === null} onClick={() => (plan.counts.delete > 0 ? setConfirming(true) : run(text!, mode, false))}>
                  {pending ? "Working…" : changes === 0 ? "Nothing to import" : `Import ${changes} ${changes === 1 ? "change" : "changes"}`}
                </Button>
                <span className="text-xs text-muted-foreground">All or nothing, in one transaction.</span>
              </div>
            ) : null}
          </div>
        ) : null}

        <AlertDialog open={confirming} onOpenChange={setConfirming}>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>Delete {plan?.counts.delete} {plan?.counts.delete === 1 ? "job" : "jobs"}?</AlertDialogTitle>
              <AlertDialogDescription>
                Replace deletes the jobs the file doesn&apos;t name, with their runs and logs:{" "}
                {plan?.plan
                  .filter((item) => item.action === "delete")
                  .map((item) => item.name)
                  .join(", ")}
                . The audit log keeps them as they were.
              </AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>Cancel</AlertDialogCancel>
              <AlertDialogAction onClick={() => text !== null && run(text, mode, false)}>Import and delete</AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      </CardContent>
    </Card>
  );
}
