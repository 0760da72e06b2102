"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/web/action-result";

/**
 * Runs a server action; on success refreshes every job and run view (["jobs"], ["runs"]) and says so
 * in a toast, on failure shows the server's message. Field errors are returned for the form to show.
 */
export function useJobMutation() {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  async function run<T>(call: () => Promise<ActionResult<T>>, success: (data: T) => string): Promise<ActionResult<T>> {
    setPending(true);
    try {
      const result = await call();
      if (result.ok) {
        toast.success(success(result.data));
        await Promise.all([queryClient.invalidateQueries({ queryKey: ["jobs"] }), queryClient.invalidateQueries({ queryKey: ["runs"] })]);
      } else if (!result.fieldErrors || Object.keys(result.fieldErrors).length === 0) {
        toast.error(result.message);
      }
      return result;
    } catch {
      // The action never throws; the request can (the server is unreachable).
      const message = "The server could not be reached: check the connection and reload";
      toast.error(message);
      return { ok: false, code: "internal", message };
    } finally {
      setPending(false);
    }
  }
  return { run, pending };
}
