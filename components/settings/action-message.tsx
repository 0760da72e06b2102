import type { ActionResult } from "@/lib/web/action-result";

/** The outcome of a form's last submission that belongs to no single field. */
export function ActionMessage({ state, success }: { state: ActionResult<unknown> | null; success?: string }) {
  if (!state) return null;
  if (state.ok) return success ? <p role="status" className="text-sm text-muted-foreground">{success}</p> : null;
  const fieldMessages = Object.values(state.fieldErrors ?? {}).flat();
  return (
    <p role="alert" className="text-sm text-destructive">
      {fieldMessages.length > 0 && state.code === "validation" ? fieldMessages.join("; ") : state.message}
    </p>
  );
}
