"use client";

import { Button } from "@/components/ui/button";

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-destructive/40 p-6">
      <h2 className="font-semibold">This page could not load</h2>
      <p className="mt-1 text-sm text-muted-foreground">
        The server could not read the data it needs (is the database reachable?). The details are in the server log
        {error.digest ? ` under reference ${error.digest}` : ""}.
      </p>
      <Button className="mt-4" variant="outline" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
