// Builds the OpenAPI 3.1 document from the operation registry (operations.ts): served at
// /api/v1/openapi.json and rendered by the dashboard's API page.
import "server-only";
import { can, ROLES, type Permission } from "../../auth/roles";
import { SUNDIAL_VERSION } from "../../version";
import { componentId, COMPONENTS } from "./components";
import { componentSchemas, jsonSchemaOf, schemaRef, type JsonSchema } from "./json-schema";
import { OPERATIONS, TAGS, type Access, type Operation, type ResponseBody } from "./operations";

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, JsonSchema>>;
  components: Record<string, Record<string, JsonSchema>>;
  security: Record<string, string[]>[];
};

const ERROR_RESPONSES = {
  BadRequest: { status: 400, description: "The body is not valid JSON" },
  Unauthorized: { status: 401, description: "No valid session or API token" },
  Forbidden: { status: 403, description: "The caller's role lacks the permission; or a cross-origin write with the session cookie" },
  NotFound: { status: 404, description: "No such id" },
  PayloadTooLarge: { status: 413, description: "The body is larger than 256 KiB" },
  ValidationFailed: { status: 422, description: "Invalid query or body: details.fieldErrors names each field's problems" },
} as const;
type ErrorResponseName = keyof typeof ERROR_RESPONSES;

const errorContent = { "application/json": { schema: schemaRef("Error") } };

/** The roles that hold a permission, for the reader: "operator, admin". */
export function rolesWith(permission: Permission): string {
  return ROLES.filter((role) => can(role, permission)).join(", ");
}

/** One sentence on who may call an operation. */
export function accessText(access: Access): string {
  if (access === "public") return "Public: no sign-in needed.";
  if (access === "metrics") return "The metrics token (SUNDIAL_METRICS_TOKEN) when set; otherwise runs:read.";
  return `Needs ${access} (${rolesWith(access)}).`;
}

function responseContent(body: ResponseBody): JsonSchema {
  if ("contentType" in body) return { [body.contentType]: { schema: body.contentType === "application/json" ? { type: "object" } : { type: "string", description: body.description } } };
  const ref = schemaRef(componentId(body.schema));
  const schema =
    body.envelope === "data"
      ? { type: "object", properties: { data: ref }, required: ["data"] }
      : body.envelope === "data-list"
        ? { type: "object", properties: { data: { type: "array", items: ref } }, required: ["data"] }
        : ref;
  return { "application/json": { schema } };
}

/** The query parameters a query schema accepts, each with its JSON Schema (what a client sends). */
export function queryParameters(operation: Operation): JsonSchema[] {
  if (!operation.query) return [];
  const schema = jsonSchemaOf(operation.query, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: (schema.required ?? []).includes(name),
    ...(typeof property.description === "string" ? { description: property.description } : {}),
    ...(operation.example?.query?.[name] !== undefined ? { example: operation.example.query[name] } : {}),
    schema: property,
  }));
}

export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
}

/** The request body's schema as the document shows it, or null when the operation takes none. */
export function requestBodySchema(operation: Operation): JsonSchema | null {
  if (!operation.body) return null;
  const generated = jsonSchemaOf(operation.body, "input");
  return operation.documentBody ? operation.documentBody(generated) : generated;
}

/** The error answers an operation can give, from what its route does: authentication, parsing, ids, conflicts. */
export function errorResponsesOf(operation: Operation): ErrorResponseName[] {
  const names: ErrorResponseName[] = [];
  if (operation.body) names.push("BadRequest");
  if (operation.access !== "public") names.push("Unauthorized");
  if (operation.access !== "public" && operation.access !== "metrics") names.push("Forbidden");
  if (pathParameterNames(operation.path).length > 0) names.push("NotFound");
  if (operation.body) names.push("PayloadTooLarge");
  if (operation.body || queryParameters(operation).length > 0) names.push("ValidationFailed");
  return names;
}

function operationObject(operation: Operation): JsonSchema {
  const parameters: JsonSchema[] = [
    ...pathParameterNames(operation.path).map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
    ...queryParameters(operation),
    ...(operation.headers ?? []).map((header) => ({ $ref: `#/components/parameters/${header === "Idempotency-Key" ? "IdempotencyKey" : "IfMatch"}` })),
  ];
  const body = requestBodySchema(operation);
  const responses: Record<string, JsonSchema> = {
    [operation.success.status]: {
      description: operation.success.description,
      content: responseContent(operation.success.body),
      ...(operation.success.headers
        ? { headers: Object.fromEntries(Object.entries(operation.success.headers).map(([name, description]) => [name, { description, schema: { type: "string" } }])) }
        : {}),
    },
  };
  for (const other of operation.otherResponses ?? []) {
    responses[other.status] = { description: other.description, ...(other.body ? { content: responseContent(other.body) } : {}) };
  }
  for (const name of errorResponsesOf(operation)) responses[ERROR_RESPONSES[name].status] = { $ref: `#/components/responses/${name}` };
  if (operation.conflict) responses[409] = { description: operation.conflict, content: errorContent };
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    description: `${operation.description}\n\n${accessText(operation.access)}`,
    "x-sundial-access": operation.access,
    security: operation.access === "public" ? [] : operation.access === "metrics" ? [{ bearerAuth: [] }] : [{ bearerAuth: [] }, { sessionCookie: [] }],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(body ? {
          requestBody: {
            required: !operation.bodyOptional,
            content: { "application/json": { schema: body, ...(operation.example?.body !== undefined ? { example: operation.example.body } : {}) } },
          },
        } : {}),
    responses,
  };
}

let built: OpenApiDocument | undefined;

/** The document; built once per process (the registry and schemas are fixed at build time). */
export function openApiDocument(): OpenApiDocument {
  if (built) return built;
  const paths: OpenApiDocument["paths"] = {};
  for (const operation of OPERATIONS) (paths[operation.path] ??= {})[operation.method] = operationObject(operation);
  built = {
    openapi: "3.1.0",
    info: {
      title: "Sundial API",
      version: SUNDIAL_VERSION,
      description:
        "Sundial's REST API: the same services as the dashboard. Authenticate with an API token (Settings → API tokens) as `Authorization: Bearer <token>`; the dashboard's session cookie works for same-origin reads and writes. Every error answers `{\"error\":{\"code\",\"message\",\"details\"}}`.",
    },
    tags: TAGS.map((tag) => ({ name: tag.name, description: tag.description })),
    paths,
    components: {
      schemas: componentSchemas(COMPONENTS),
      responses: Object.fromEntries(Object.entries(ERROR_RESPONSES).map(([name, { description }]) => [name, { description, content: errorContent }])),
      parameters: {
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description: "Send the same key when retrying: the first response is replayed. The same key with another body is a 409.",
          schema: { type: "string", minLength: 1, maxLength: 255 },
        },
        IfMatch: {
          name: "If-Match",
          in: "header",
          required: false,
          description: 'The version you read, as the ETag gave it ("3"); or send version in the body.',
          schema: { type: "string" },
        },
      },
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An API token made in Settings → API tokens; it acts with the role it was given." },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "better-auth.session_token",
          description: "The dashboard's session (prefixed __Secure- over https); same-origin requests only.",
        },
      },
    },
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
  };
  return built;
}
