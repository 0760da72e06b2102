import * as React from "react";

import { cn } from "@/lib/utils";

type EmptyStateProps = Omit<React.ComponentProps<"div">, "title"> & {
  /** An icon element, e.g. `<CalendarClock />` from lucide-react. */
  icon?: React.ReactNode;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Optional call to action, e.g. a `<Button>`. */
  action?: React.ReactNode;
};

function EmptyState({
  className,
  icon,
  title,
  description,
  action,
  children,
  ...props
}: EmptyStateProps) {
  return (
    <div
      data-slot="empty-state"
      className={cn(
        "flex min-w-0 flex-1 flex-col items-center justify-center gap-6 rounded-lg border border-dashed p-6 text-center text-balance md:p-12",
        className,
      )}
      {...props}
    >
      <div
        data-slot="empty-state-header"
        className="flex max-w-sm flex-col items-center gap-2 text-center"
      >
        {icon ? (
          <div
            data-slot="empty-state-icon"
            aria-hidden="true"
            className="mb-2 flex size-10 shrink-0 items-center justify-center rounded-lg bg-muted text-foreground [&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-6"
          >
            {icon}
          </div>
        ) : null}
        <div data-slot="empty-state-title" className="text-lg font-medium tracking-tight">
          {title}
        </div>
        {description ? (
          <div
            data-slot="empty-state-description"
            className="text-sm/relaxed text-muted-foreground [&>a]:underline [&>a]:underline-offset-4 [&>a:hover]:text-primary"
          >
            {description}
          </div>
        ) : null}
      </div>
      {action || children ? (
        <div
          data-slot="empty-state-action"
          className="flex w-full max-w-sm min-w-0 flex-col items-center gap-4 text-sm text-balance"
        >
          {action}
          {children}
        </div>
      ) : null}
    </div>
  );
}

export { EmptyState, type EmptyStateProps };
