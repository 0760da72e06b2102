// A JSON Schema (from the OpenAPI document) as a readable property list: names, types, whether
// required, constraints and descriptions, nested objects indented, named schemas as links.
type Schema = Record<string, unknown>;

const asSchema = (value: unknown): Schema => (value !== null && typeof value === "object" ? (value as Schema) : {});
export const refName = (ref: string): string => ref.split("/").at(-1) ?? ref;

/** "string", "integer | null", "Run[]", "\"cron\" | \"interval\"", "Trigger". */
export function typeLabel(schema: Schema): string {
  if (typeof schema.$ref === "string") return refName(schema.$ref);
  if ("const" in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  const variants = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(variants)) return variants.map((variant) => typeLabel(asSchema(variant))).join(" | ");
  if (Array.isArray(schema.allOf)) return "object";
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === "string" ? [schema.type] : [];
  if (types.length === 0) return "any";
  return types
    .map((type) => {
      if (type === "array") return `${typeLabel(asSchema(schema.items))}[]`;
      if (type === "string" && typeof schema.format === "string") return `string (${schema.format})`;
      return type;
    })
    .join(" | ");
}

function constraints(schema: Schema): string[] {
  const notes: string[] = [];
  if (schema.default !== undefined) notes.push(`default ${JSON.stringify(schema.default)}`);
  if (typeof schema.minimum === "number" && typeof schema.maximum === "number" && schema.maximum < Number.MAX_SAFE_INTEGER) notes.push(`${schema.minimum}–${schema.maximum}`);
  else if (typeof schema.minimum === "number") notes.push(`≥ ${schema.minimum}`);
  else if (typeof schema.maximum === "number") notes.push(`≤ ${schema.maximum}`);
  if (typeof schema.minLength === "number" && schema.minLength > 0) notes.push(`min length ${schema.minLength}`);
  if (typeof schema.maxLength === "number") notes.push(`max length ${schema.maxLength}`);
  if (typeof schema.maxItems === "number") notes.push(`at most ${schema.maxItems} items`);
  if (typeof schema.pattern === "string" && schema.pattern.length <= 60) notes.push(`pattern ${schema.pattern}`);
  return notes;
}

/** The object (or the array's object) whose properties to list under a field, if any. */
function nestedObject(schema: Schema): Schema | null {
  if (schema.properties || schema.allOf || schema.oneOf) return schema;
  if (schema.type === "array" && asSchema(schema.items).properties) return asSchema(schema.items);
  return null;
}

function TypeText({ schema }: { schema: Schema }) {
  if (typeof schema.$ref === "string") {
    const name = refName(schema.$ref);
    return (
      <a href={`#schema-${name}`} className="font-mono text-xs text-primary underline-offset-2 hover:underline">
        {name}
      </a>
    );
  }
  return <span className="font-mono text-xs text-muted-foreground">{typeLabel(schema)}</span>;
}

const MAX_DEPTH = 5;

export function SchemaView({ schema: raw, depth = 0 }: { schema: unknown; depth?: number }) {
  const schema = asSchema(raw);
  if (typeof schema.$ref === "string" || depth > MAX_DEPTH) return <TypeText schema={schema} />;
  for (const [keyword, label] of [
    ["allOf", "All of"],
    ["oneOf", "One of"],
  ] as const) {
    const variants = schema[keyword];
    if (Array.isArray(variants)) {
      return (
        <div className="space-y-2">
          <p className="text-xs font-medium text-muted-foreground">{label}:</p>
          {variants.map((variant, index) => (
            <div key={index} className="border-l-2 pl-3">
              <SchemaView schema={variant} depth={depth + 1} />
            </div>
          ))}
        </div>
      );
    }
  }
  const properties = schema.properties as Record<string, unknown> | undefined;
  if (!properties) {
    return (
      <p className="text-sm">
        <TypeText schema={schema} />
        {constraints(schema).length > 0 ? <span className="ml-2 text-xs text-muted-foreground">{constraints(schema).join(" · ")}</span> : null}
      </p>
    );
  }
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return (
    <ul className="divide-y rounded-md border text-sm">
      {Object.entries(properties).map(([name, value]) => {
        const property = asSchema(value);
        const nested = nestedObject(property);
        const notes = constraints(property);
        return (
          <li key={name} className="space-y-1 px-3 py-2">
            <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
              <code className="font-mono text-sm font-medium">{name}</code>
              <TypeText schema={property} />
              {required.has(name) ? <span className="text-xs font-medium text-amber-700 dark:text-amber-400">required</span> : null}
              {notes.length > 0 ? <span className="text-xs text-muted-foreground">{notes.join(" · ")}</span> : null}
            </div>
            {typeof property.description === "string" ? <p className="text-xs text-muted-foreground">{property.description}</p> : null}
            {nested && depth < MAX_DEPTH ? (
              <div className="pt-1 pl-3">
                <SchemaView schema={nested} depth={depth + 1} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
