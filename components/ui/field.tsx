import * as React from "react";

import { cn } from "@/lib/utils";

type FieldProps = React.ComponentProps<"div"> & {
  label: string;
  htmlFor: string;
  /** Messages for this field; shown under it, and the control should set aria-invalid. */
  errors?: string[];
  hint?: React.ReactNode;
};

/** A label, one control (the children) and its errors. */
function Field({ className, label, htmlFor, errors, hint, children, ...props }: FieldProps) {
  return (
    <div data-slot="field" className={cn("grid gap-1.5", className)} {...props}>
      <label htmlFor={htmlFor} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
      {errors?.map((error) => (
        <p key={error} id={`${htmlFor}-error`} className="text-sm text-destructive">
          {error}
        </p>
      ))}
    </div>
  );
}

export { Field };
