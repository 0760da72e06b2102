"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/web/action-result";

type SetupAction = (previous: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;

export function SetupForm({ action, minPasswordLength }: { action: SetupAction; minPasswordLength: number }) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  return (
    <form action={formAction} className="grid gap-4" aria-label="Create the first admin">
      <Field label="Name" htmlFor="name" errors={errors.name}>
        <Input id="name" name="name" required defaultValue={failed?.values?.name} aria-invalid={Boolean(errors.name)} />
      </Field>
      <Field label="Email" htmlFor="email" errors={errors.email}>
        <Input id="email" name="email" type="email" autoComplete="username" required defaultValue={failed?.values?.email} aria-invalid={Boolean(errors.email)} />
      </Field>
      <Field label="Password" htmlFor="password" errors={errors.password} hint={`At least ${minPasswordLength} characters.`}>
        <Input id="password" name="password" type="password" autoComplete="new-password" required aria-invalid={Boolean(errors.password)} />
      </Field>
      {failed && !failed.fieldErrors ? (
        <p role="alert" className="text-sm text-destructive">
          {failed.message}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create admin account"}
      </Button>
    </form>
  );
}
