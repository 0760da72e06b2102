// Run context in an HTTP job's URL and body: `{{run.id}}`, `{{run.scheduledFor}}`, … are replaced per
// run, so the receiving service knows which slot a call is for. The same parser checks a job when it
// is saved (lib/validation/job-config.ts) and renders each run (worker/executors/http.ts): a template
// that was accepted cannot fail at run time.

/** What a template can refer to; ExecutionContext has these fields. */
export type RunTemplateContext = {
  runId: string;
  scheduledFor: Date;
  attempt: number;
  jobId: string;
  jobName: string;
};

const VALUES = {
  "run.id": (context: RunTemplateContext) => context.runId,
  "run.scheduledFor": (context: RunTemplateContext) => context.scheduledFor.toISOString(),
  "run.scheduledForMs": (context: RunTemplateContext) => String(context.scheduledFor.getTime()),
  "run.attempt": (context: RunTemplateContext) => String(context.attempt),
  "job.id": (context: RunTemplateContext) => context.jobId,
  "job.name": (context: RunTemplateContext) => context.jobName,
} satisfies Record<string, (context: RunTemplateContext) => string>;

type Placeholder = keyof typeof VALUES;

export const PLACEHOLDERS = Object.keys(VALUES) as Placeholder[];

const OPEN = "{{";
const CLOSE = "}}";

type Part = { text: string } | { placeholder: Placeholder; at: number };

function isPlaceholder(name: string): name is Placeholder {
  return Object.hasOwn(VALUES, name);
}

/** The template cut into literal text and placeholders, with a message per problem found. */
function parse(template: string): { parts: Part[]; errors: string[] } {
  const parts: Part[] = [];
  const errors: string[] = [];
  let from = 0;
  for (;;) {
    const open = template.indexOf(OPEN, from);
    if (open < 0) break;
    const close = template.indexOf(CLOSE, open + OPEN.length);
    if (close < 0) {
      errors.push(`"${excerpt(template, open)}" is not closed with "}}"`);
      break;
    }
    parts.push({ text: template.slice(from, open) });
    const name = template.slice(open + OPEN.length, close).trim();
    if (isPlaceholder(name)) parts.push({ placeholder: name, at: open });
    else errors.push(`unknown placeholder ${template.slice(open, close + CLOSE.length)}; use one of ${PLACEHOLDERS.map((known) => `{{${known}}}`).join(", ")}`);
    from = close + CLOSE.length;
  }
  parts.push({ text: template.slice(from) });
  return { parts, errors };
}

function excerpt(template: string, at: number): string {
  const rest = template.slice(at);
  return rest.length > 24 ? `${rest.slice(0, 24)}…` : rest;
}

/** Why a body (or any text) template is invalid; empty when it is fine. */
export function templateErrors(template: string): string[] {
  return parse(template).errors;
}

/**
 * Why a URL template is invalid. Placeholders may not reach into the scheme, host or port: the
 * origin a job calls stays fixed, so it can be checked (and shown) before any run.
 */
export function urlTemplateErrors(url: string): string[] {
  const { parts, errors } = parse(url);
  const originEnd = endOfOrigin(url);
  if (parts.some((part) => "placeholder" in part && part.at < originEnd)) {
    errors.push("placeholders can only be used in the path, query or fragment, not in the scheme, host or port");
  }
  return errors;
}

function endOfOrigin(url: string): number {
  const schemeEnd = url.indexOf("://");
  const authorityStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
  const rest = url.slice(authorityStart).search(/[/?#]/);
  return rest < 0 ? url.length : authorityStart + rest;
}

function render(template: string, context: RunTemplateContext, encode: (value: string) => string): string {
  const { parts, errors } = parse(template);
  // Only reachable with a config that skipped validation (edited by hand in the database).
  if (errors.length > 0) throw new Error(`invalid template: ${errors.join("; ")}`);
  return parts.map((part) => ("placeholder" in part ? encode(VALUES[part.placeholder](context)) : part.text)).join("");
}

/** The URL of one run; each value is percent-encoded, so it cannot add a query parameter or a fragment. */
export function renderUrl(url: string, context: RunTemplateContext): string {
  return render(url, context, encodeURIComponent);
}

/** application/json, text/json and the +json types (application/problem+json, …), parameters ignored. */
export function isJsonContentType(contentType: string | undefined): boolean {
  return /^\s*(application|text)\/([\w.-]+\+)?json\s*(;|$)/i.test(contentType ?? "");
}

/**
 * The body of one run. In a JSON body each value is escaped as the inside of a JSON string (the
 * template supplies the quotes); any other body gets the values as they are.
 */
export function renderBody(body: string, context: RunTemplateContext, contentType: string | undefined): string {
  return render(body, context, isJsonContentType(contentType) ? (value) => JSON.stringify(value).slice(1, -1) : (value) => value);
}
