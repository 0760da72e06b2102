/** The outcome of a write to Sundial's API, with the API's field errors when it refused the input. */
export type SendResult<T> = { ok: true; data: T } | { ok: false; message: string; fieldErrors: Record<string, string[]> };

export async function sendJson<T>(method: "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<SendResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, message: "Sundial could not be reached; check your connection and try again", fieldErrors: {} };
  }
  const json = (await response.json().catch(() => null)) as { data?: T; error?: { message?: string; details?: { fieldErrors?: Record<string, string[]> } | null } } | null;
  if (response.ok) return { ok: true, data: json?.data as T };
  return {
    ok: false,
    message: json?.error?.message ?? `The server answered ${response.status}`,
    fieldErrors: json?.error?.details?.fieldErrors ?? {},
  };
}
