import type { ActionResult } from "@/lib/web/action-result";

/** A server action as useActionState calls it. */
export type FormAction<T> = (previous: unknown, form: FormData) => Promise<ActionResult<T>>;
