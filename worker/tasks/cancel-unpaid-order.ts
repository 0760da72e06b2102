// The product's example of a one-off job with a payload, scheduled through the API as "cancel this
// unpaid order in 15 minutes". A real task would cancel the order in its own system; this one says
// what it does and tells the order service, when given a callbackUrl.
import { fetch } from "undici";
import { guardedDispatcher } from "@/lib/net/guarded-dispatcher";
import type { CancelUnpaidOrderPayload } from "@/lib/tasks/catalog";
import type { TaskHandler } from "./task-handler";

// As in the HTTP executor: a fresh connection per call (these calls are minutes to days apart), and
// the callback URL is held to the same address policy as an HTTP job's.
const dispatcher = guardedDispatcher({ pipelining: 0 });

export const cancelUnpaidOrderTask: TaskHandler<CancelUnpaidOrderPayload> = async ({ orderId, callbackUrl }, { log, signal, run }) => {
  log(`canceling unpaid order ${orderId}`);
  if (!callbackUrl) {
    log("no callbackUrl in the payload: nobody to notify");
    return { summary: `order ${orderId} canceled; no callback given` };
  }
  log(`POST ${callbackUrl}`);
  const response = await fetch(callbackUrl, {
    method: "POST",
    // The run id lets the receiver tell a retry from a second cancel of the same order.
    headers: { "content-type": "application/json", "x-sundial-run-id": run.id, "x-sundial-scheduled-for": run.scheduledFor.toISOString() },
    body: JSON.stringify({ orderId, action: "cancel" }),
    signal,
    dispatcher,
  });
  // Only the status matters; don't hold the connection open for a body nobody reads.
  await response.body?.cancel().catch(() => undefined);
  log(`HTTP ${response.status}`);
  if (!response.ok) throw new Error(`the callback for order ${orderId} answered HTTP ${response.status} (expected 2xx): ${callbackUrl}`);
  return { summary: `order ${orderId} canceled; ${callbackUrl} answered HTTP ${response.status}` };
};
