/** GET a JSON resource of Sundial's API from the browser; a non-2xx answer becomes an Error with the API's message. */
export async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: "application/json" } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `${path} answered ${response.status}`);
  }
  return (await response.json()) as T;
}
