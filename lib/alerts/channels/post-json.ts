// Outbound alert requests go through the SSRF guard (SUNDIAL_HTTP_ALLOW_HOSTS allows private
// targets), with a timeout, and never follow a redirect: a webhook that moves must be reconfigured.
import { fetch } from "undici";
import { guardedDispatcher } from "../../net/guarded-dispatcher";

const dispatcher = guardedDispatcher();

export const SEND_TIMEOUT_MS = 10_000;

export async function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<void> {
  let response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Sundial-Alerts", ...headers },
      body,
      redirect: "manual",
      dispatcher,
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  } catch (error) {
    throw new Error(describeFetchError(error));
  }
  if (response.status >= 200 && response.status < 300) {
    await response.body?.cancel();
    return;
  }
  const text = (await response.text().catch(() => "")).trim().slice(0, 200);
  throw new Error(`HTTP ${response.status}${text ? `: ${text}` : ""}`);
}

/** fetch says "fetch failed"; the useful part (refused, timed out, SSRF guard) is in its cause. */
function describeFetchError(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return `no answer within ${SEND_TIMEOUT_MS / 1000} s`;
  const cause = error instanceof Error ? (error.cause as Error | undefined) : undefined;
  if (cause instanceof Error) {
    const code = "code" in cause && typeof cause.code === "string" && !cause.message.includes(cause.code) ? `${cause.code}: ` : "";
    return `${code}${cause.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
