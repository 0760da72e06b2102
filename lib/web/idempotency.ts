// Idempotency-Key (STYLE.md 4(c)): a client that retries a POST after a timeout gets the first
// attempt's response again instead of a second job or run. A key belongs to one caller and one route
// (method and path, so the same key may be used on two jobs' trigger routes); the same key with
// another body is a conflict. The response is stored in the transaction of what it reports, so a
// stored response always describes a change that committed. Keys are kept 24 hours.
import "server-only";
import { createHash } from "node:crypto";
import { NextResponse } from "next/server";
import type { Db } from "../db";
import { ConflictError, ValidationError } from "../errors";
import type { JsonColumn } from "../jobs/create-job";
import type { InTransaction } from "../jobs/in-transaction";
import type { Caller } from "./caller";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export type StoredResponse = { status: number; body: unknown };

export type Idempotency = {
  /** A service's afterWrite hook: stores the response made from the service's result, in its transaction. */
  storing<T>(respond: (result: T) => StoredResponse): InTransaction<T>;
};

export function toResponse({ status, body }: StoredResponse): NextResponse {
  return NextResponse.json(body, { status });
}

type KeyRef = { scope: string; key: string; requestHash: string };

/** JSON with object keys sorted, so a retry that serialises its body differently still matches. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The key sent with the request, with its caller and route; null when there is none. */
export function keyRefOf(request: Request, pathname: string, caller: Caller, body: unknown): KeyRef | null {
  const key = request.headers.get("idempotency-key");
  if (key === null) return null;
  if (!KEY_PATTERN.test(key)) {
    throw new ValidationError("Invalid Idempotency-Key", { "Idempotency-Key": ["Idempotency-Key must be 1 to 255 visible ASCII characters"] });
  }
  const who = caller.via === "token" ? `token:${caller.tokenId}` : `user:${caller.user.id}`;
  return { scope: `${who} ${request.method} ${pathname}`, key, requestHash: createHash("sha256").update(canonicalJson(body)).digest("hex") };
}

/** The stored response for this key, replayed; a ConflictError when the key came with another body. */
async function replay(db: Db, ref: KeyRef, now: Date): Promise<Response | null> {
  const stored = await db.idempotencyKey.findUnique({ where: { scope_key: { scope: ref.scope, key: ref.key } } });
  if (!stored || stored.expiresAt <= now) return null;
  if (stored.requestHash !== ref.requestHash) {
    throw new ConflictError(`Idempotency-Key "${ref.key}" was already used with a different request body; use a new key for a new request`);
  }
  return NextResponse.json(stored.responseBody, { status: stored.responseStatus, headers: { "Idempotent-Replayed": "true" } });
}

/**
 * Answers a request that carries a key: the stored response when there is one, else `handle`'s, whose
 * service stores it through `idempotency.storing`.
 */
export async function withIdempotency(db: Db, ref: KeyRef, now: Date, handle: (idempotency: Idempotency) => Promise<Response>): Promise<Response> {
  const earlier = await replay(db, ref, now);
  if (earlier) return earlier;
  const idempotency: Idempotency = {
    storing: (respond) => async (tx, result) => {
      const { status, body } = respond(result);
      // An expired key may be used again; expired keys of anyone go with it, which keeps the table small.
      await tx.idempotencyKey.deleteMany({ where: { expiresAt: { lte: now } } });
      await tx.idempotencyKey.create({
        data: { ...ref, responseStatus: status, responseBody: body as JsonColumn, createdAt: now, expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS) },
      });
    },
  };
  try {
    return await handle(idempotency);
  } catch (error) {
    // Two requests with one key raced, and the other committed first: this one failed on the key it
    // stored, or earlier on what the other created (a job's name). It is answered as a retry would be.
    const winner = await replay(db, ref, now);
    if (winner) return winner;
    throw error;
  }
}
