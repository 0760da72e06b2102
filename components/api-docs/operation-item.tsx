// One operation of the OpenAPI document, folded: method, path and summary; unfolded: who may call
// it, its parameters, body, responses and a curl example. <details> needs no script (the CSP allows
// none inline) and works before hydration.
import { ChevronRight } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { curlCommand } from "./curl-example";
import { MethodBadge } from "./method-badge";
import { refName, SchemaView, typeLabel } from "./schema-view";

type Json = Record<string, unknown>;
export type ResolvedParameter = { name: string; in: string; required?: boolean; description?: string; example?: unknown; schema?: Json };
export type ResolvedResponse = { status: string; description: string; contentType: string | null; schema: unknown };

export type OperationView = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  access: string;
  parameters: ResolvedParameter[];
  body: { required: boolean; schema: unknown; example?: unknown } | null;
  responses: ResolvedResponse[];
};

function accessLabel(access: string): string {
  if (access === "public") return "public";
  if (access === "metrics") return "metrics token or runs:read";
  return access;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="space-y-2">
      <h4 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">{title}</h4>
      {children}
    </section>
  );
}

export function OperationItem({ operation, origin }: { operation: OperationView; origin: string }) {
  // The document's description ends with who may call (lib/web/openapi/document.ts): shown beside the badge.
  const [accessSentence, ...rest] = operation.description.split("\n\n").reverse();
  const paragraphs = rest.reverse();
  const curl = curlCommand({ origin, method: operation.method, path: operation.path, parameters: operation.parameters, body: operation.body, isPublic: operation.access === "public" });
  return (
    <details id={operation.id} className="group rounded-lg border bg-card open:shadow-sm" data-testid="api-operation">
      <summary className="flex cursor-pointer list-none items-center gap-3 px-4 py-3 select-none hover:bg-muted/50 [&::-webkit-details-marker]:hidden">
        <ChevronRight aria-hidden className="size-4 shrink-0 text-muted-foreground transition-transform group-open:rotate-90" />
        <MethodBadge method={operation.method} />
        <code className="min-w-0 font-mono text-sm break-all">{operation.path}</code>
        <span className="ml-auto hidden truncate text-sm text-muted-foreground sm:inline">{operation.summary}</span>
      </summary>
      <div className="space-y-5 border-t px-4 py-4">
        <div className="space-y-2">
          <p className="font-medium sm:hidden">{operation.summary}</p>
          {paragraphs.map((paragraph) => (
            <p key={paragraph} className="text-sm text-muted-foreground">
              {paragraph}
            </p>
          ))}
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-muted-foreground">Permission</span>
            <Badge variant={operation.access === "public" ? "secondary" : "outline"} className="font-mono">
              {accessLabel(operation.access)}
            </Badge>
            {accessSentence ? <span className="text-xs text-muted-foreground">{accessSentence}</span> : null}
          </p>
        </div>

        {operation.parameters.length > 0 ? (
          <Section title="Parameters">
            <div className="overflow-x-auto rounded-md border">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Name</TableHead>
                    <TableHead>In</TableHead>
                    <TableHead>Type</TableHead>
                    <TableHead>Description</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {operation.parameters.map((parameter) => (
                    <TableRow key={`${parameter.in}-${parameter.name}`}>
                      <TableCell className="font-mono text-sm">
                        {parameter.name}
                        {parameter.required ? <span className="ml-1 text-xs text-amber-700 dark:text-amber-400">required</span> : null}
                      </TableCell>
                      <TableCell className="text-muted-foreground">{parameter.in}</TableCell>
                      <TableCell className="font-mono text-xs whitespace-normal">{parameter.schema ? typeLabel(parameter.schema) : "string"}</TableCell>
                      <TableCell className="text-xs whitespace-normal text-muted-foreground">
                        {[parameter.description, parameter.schema?.default !== undefined ? `Default ${JSON.stringify(parameter.schema.default)}.` : null].filter(Boolean).join(" ")}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </Section>
        ) : null}

        {operation.body ? (
          <Section title={`Request body${operation.body.required ? "" : " (optional)"} · application/json`}>
            <SchemaView schema={operation.body.schema} />
          </Section>
        ) : null}

        <Section title="Responses">
          <ul className="space-y-2">
            {operation.responses.map((response) => (
              <li key={response.status} className="rounded-md border px-3 py-2 text-sm">
                <div className="flex flex-wrap items-baseline gap-2">
                  <span className={`font-mono font-semibold ${response.status.startsWith("2") ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}>
                    {response.status}
                  </span>
                  <span>{response.description}</span>
                  {response.contentType && response.contentType !== "application/json" ? <span className="font-mono text-xs text-muted-foreground">{response.contentType}</span> : null}
                </div>
                {response.schema && response.status.startsWith("2") ? (
                  <div className="mt-2">
                    <SchemaView schema={response.schema} />
                  </div>
                ) : response.schema && typeof (response.schema as Json).$ref === "string" ? (
                  <p className="mt-1 text-xs text-muted-foreground">
                    Body: <a href={`#schema-${refName((response.schema as Json).$ref as string)}`} className="text-primary hover:underline">{refName((response.schema as Json).$ref as string)}</a>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </Section>

        <Section title="Example">
          <pre className="overflow-x-auto rounded-md bg-muted px-3 py-2 font-mono text-xs leading-relaxed">{curl}</pre>
        </Section>
      </div>
    </details>
  );
}
