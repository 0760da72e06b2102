// The key that seals job secrets, derived from the app secret (SUNDIAL_SECRET or the generated one,
// see lib/auth/secret.ts), so there is no second secret to back up. HKDF with its own label keeps it
// independent of the cookie-signing use of the same secret.
import { hkdfSync } from "node:crypto";
import { resolveSecret } from "../auth/secret";

export type SealingKey = {
  /** Names the key in each sealed value (8 hex digits), so a value sealed under another secret is recognised as such. */
  id: string;
  key: Buffer;
};

const SALT = "sundial/job-secrets";

export function deriveSealingKey(secret: string): SealingKey {
  if (secret.length === 0) throw new Error("cannot derive a sealing key from an empty secret");
  const derive = (info: string, bytes: number) => Buffer.from(hkdfSync("sha256", secret, SALT, info, bytes));
  return { id: derive("key-id v1", 4).toString("hex"), key: derive("aes-256-gcm v1", 32) };
}

let current: SealingKey | undefined;

/** This process's key, derived once; every web server and worker must share the app secret. */
export function currentSealingKey(): SealingKey {
  current ??= deriveSealingKey(resolveSecret());
  return current;
}
