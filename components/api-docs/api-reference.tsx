// The OpenAPI document as a reference page: operations grouped by tag, then the named schemas.
// Everything shown comes from the document itself, so the page shows what /api/v1/openapi.json says.
import type { OpenApiDocument } from "@/lib/web/openapi/document";
import { OperationItem, type OperationView, type ResolvedParameter, type ResolvedResponse } from "./operation-item";
import { SchemaView } from "./schema-view";

type Json = Record<string, unknown>;

function resolve(document: OpenApiDocument, value: unknown): Json {
  const node = (value ?? {}) as Json;
  if (typeof node.$ref !== "string" || !node.$ref.startsWith("#/components/") || node.$ref.startsWith("#/components/schemas/")) return node;
  const [, , section, name] = node.$ref.split("/");
  return (document.components[section!]?.[name!] ?? {}) as Json;
}

function operationViews(document: OpenApiDocument): OperationView[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, raw]): OperationView => {
      const operation = raw as Json;
      const requestBody = operation.requestBody as { required?: boolean; content: Record<string, { schema: unknown; example?: unknown }> } | undefined;
      const json = requestBody?.content["application/json"];
      const responses = Object.entries((operation.responses ?? {}) as Record<string, unknown>).map(([status, value]): ResolvedResponse => {
        const response = resolve(document, value) as { description?: string; content?: Record<string, { schema?: unknown }> };
        const [contentType, media] = Object.entries(response.content ?? {})[0] ?? [null, undefined];
        return { status, description: response.description ?? "", contentType, schema: media?.schema ?? null };
      });
      return {
        id: String(operation.operationId),
        method,
        path,
        summary: String(operation.summary ?? ""),
        description: String(operation.description ?? ""),
        access: String(operation["x-sundial-access"] ?? ""),
        parameters: ((operation.parameters ?? []) as unknown[]).map((parameter) => resolve(document, parameter) as ResolvedParameter),
        body: json ? { required: requestBody?.required ?? false, schema: json.schema, example: json.example } : null,
        responses,
      };
    }),
  );
}

export function ApiReference({ document, origin }: { document: OpenApiDocument; origin: string }) {
  const operations = operationViews(document);
  const tagOf = (id: string) => {
    const raw = Object.values(document.paths).flatMap((byMethod) => Object.values(byMethod)).find((operation) => operation.operationId === id);
    return ((raw?.tags as string[] | undefined) ?? [])[0];
  };
  const schemas = Object.entries(document.components.schemas ?? {});
  return (
    <div className="grid gap-8 lg:grid-cols-[12rem_1fr]">
      <nav aria-label="API sections" className="hidden lg:block">
        <ul className="sticky top-6 space-y-1 text-sm">
          {document.tags.map((tag) => (
            <li key={tag.name}>
              <a href={`#tag-${tag.name}`} className="block rounded px-2 py-1 text-muted-foreground hover:bg-muted hover:text-foreground">
                {tag.name}
              </a>
            </li>
          ))}
          <li>
            <a href="#schemas" className="block rounded px-2 py-1 text-muted-foreground hover:bg-muted hover:text-foreground">
              Schemas
            </a>
          </li>
        </ul>
      </nav>
      <div className="min-w-0 space-y-10">
        {document.tags.map((tag) => {
          const inTag = operations.filter((operation) => tagOf(operation.id) === tag.name);
          return (
            <section key={tag.name} id={`tag-${tag.name}`} aria-labelledby={`tag-${tag.name}-title`} className="scroll-mt-6 space-y-3">
              <div>
                <h2 id={`tag-${tag.name}-title`} className="text-lg font-semibold tracking-tight">
                  {tag.name}
                </h2>
                <p className="text-sm text-muted-foreground">{tag.description}</p>
              </div>
              <div className="space-y-2">
                {inTag.map((operation) => (
                  <OperationItem key={operation.id} operation={operation} origin={origin} />
                ))}
              </div>
            </section>
          );
        })}
        <section id="schemas" aria-labelledby="schemas-title" className="scroll-mt-6 space-y-3">
          <div>
            <h2 id="schemas-title" className="text-lg font-semibold tracking-tight">
              Schemas
            </h2>
            <p className="text-sm text-muted-foreground">The shapes the operations above refer to by name.</p>
          </div>
          <div className="space-y-2">
            {schemas.map(([name, schema]) => (
              <details key={name} id={`schema-${name}`} className="group scroll-mt-6 rounded-lg border bg-card">
                <summary className="cursor-pointer px-4 py-2 font-mono text-sm select-none hover:bg-muted/50">{name}</summary>
                <div className="space-y-2 border-t px-4 py-3">
                  {typeof schema.description === "string" ? <p className="text-sm text-muted-foreground">{schema.description}</p> : null}
                  <SchemaView schema={schema} />
                </div>
              </details>
            ))}
          </div>
        </section>
      </div>
    </div>
  );
}
