// A copy-and-paste curl command for an operation of the OpenAPI document, with its example.

type Parameter = { name: string; in: string; example?: unknown };

/** Single-quoted for a POSIX shell. */
const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

export function curlCommand({
  origin,
  method,
  path,
  parameters,
  body,
  isPublic,
}: {
  origin: string;
  method: string;
  path: string;
  parameters: Parameter[];
  body: { example?: unknown } | null;
  isPublic: boolean;
}): string {
  const query = new URLSearchParams();
  for (const parameter of parameters) if (parameter.in === "query" && parameter.example !== undefined) query.set(parameter.name, String(parameter.example));
  const url = `${origin}${path}${query.size > 0 ? `?${query.toString()}` : ""}`;
  const lines = [`curl -s${method === "get" ? "" : ` -X ${method.toUpperCase()}`} ${shellQuote(url)}`];
  if (!isPublic) lines.push(`-H "authorization: Bearer $SUNDIAL_TOKEN"`);
  if (parameters.some((parameter) => parameter.name === "Idempotency-Key")) lines.push(`-H 'idempotency-key: <a key unique to this request>'`);
  if (body) {
    lines.push(`-H 'content-type: application/json'`);
    lines.push(`-d ${shellQuote(JSON.stringify(body.example ?? {}))}`);
  }
  return lines.join(" \\\n  ");
}
