// Every server action goes through defineAction: it checks the session and the permission, parses
// the input with zod, runs the service, and returns an ActionResult. It never throws: a form gets
// field errors and the values it sent back, anything unexpected is logged and reported as internal.
import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { can, type Permission } from "../auth/roles";
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from "../errors";
import { createLogger } from "../log";
import { fieldErrorsOf } from "../validation/field-errors";
import type { ActionResult } from "./action-result";
import { callerFrom, type Caller } from "./caller";

const log = createLogger("web");

/** The form's fields as sent, to fill the form again; secrets are never sent back. */
function valuesOf(input: FormData | Record<string, unknown>): Record<string, string> {
  const entries = input instanceof FormData ? [...input.entries()] : Object.entries(input);
  const values: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (typeof value === "string" && !/password|secret|token$/i.test(key) && !key.startsWith("$")) values[key] = value;
  }
  return values;
}

/** Who called which action, for the log line of an unexpected failure. */
type FailureContext = { action: string | null; caller: Caller | null };

function failure(error: unknown, values: Record<string, string>, context: FailureContext): ActionResult<never> {
  if (error instanceof ValidationError) return { ok: false, code: "validation", message: error.message, fieldErrors: error.fieldErrors, values };
  if (error instanceof ConflictError) return { ok: false, code: "conflict", message: error.message, fieldErrors: error.details.fieldErrors, values };
  if (error instanceof NotFoundError || error instanceof ForbiddenError || error instanceof UnauthorizedError) {
    return { ok: false, code: error.code, message: error.message, values };
  }
  const { action, caller } = context;
  log.error({ err: error, action, callerVia: caller?.via ?? null, callerId: caller?.actor.id ?? null, callerRole: caller?.role ?? null }, "server action failed");
  return { ok: false, code: "internal", message: "Something went wrong on the server; the details are in its log", values };
}

/**
 * Builds a server action usable with useActionState (`(previous, formData)`) or called directly
 * with an object. "public" is for the one action that must work signed out: the first-admin setup.
 * `name` (e.g. "jobs.pause") names the action in the log line of an unexpected failure.
 */
export function defineAction<S extends z.ZodType, T, P extends Permission | "public" = Permission>(
  options: { permission: P; input: S; name: string },
  handler: (input: z.infer<S>, context: { caller: P extends "public" ? null : Caller }) => Promise<T>,
): (previous: unknown, input: FormData | Record<string, unknown>) => Promise<ActionResult<T>> {
  return async (_previous, input) => {
    const values = valuesOf(input);
    // Kept outside the try so a failure is logged with who was asking.
    let caller: Caller | null = null;
    try {
      if (options.permission !== "public") {
        caller = await callerFrom(await headers());
        if (!caller) throw new UnauthorizedError("Your session has ended: sign in again");
        if (!can(caller.role, options.permission)) throw new ForbiddenError(`The ${caller.role} role does not allow this`);
      }
      const raw = input instanceof FormData ? Object.fromEntries([...input.entries()].filter(([key]) => !key.startsWith("$"))) : input;
      const parsed = options.input.safeParse(raw);
      if (!parsed.success) return { ok: false, code: "validation", message: "Check the highlighted fields", fieldErrors: fieldErrorsOf(parsed.error), values };
      return { ok: true, data: await handler(parsed.data, { caller: caller as P extends "public" ? null : Caller }) };
    } catch (error) {
      return failure(error, values, { action: options.name, caller });
    }
  };
}
