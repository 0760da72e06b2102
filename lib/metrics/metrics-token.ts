import { createHash, timingSafeEqual } from "node:crypto";

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/**
 * Whether an Authorization header presents the metrics token. Both sides are hashed first so the
 * constant-time comparison also hides the token's length.
 */
export function presentsMetricsToken(authorization: string | null, token: string): boolean {
  const presented = authorization === null ? null : BEARER.exec(authorization)?.[1];
  if (!presented) return false;
  return timingSafeEqual(digest(presented), digest(token));
}
