// Sealed values: AES-256-GCM under the sealing key, as "sdl-sealed:v1:<key id>:<iv|ciphertext|tag>"
// (base64url). The format version and key id lead, so a later key rotation or cipher change can
// tell old values from new ones; the prefix is also the GCM associated data, so neither can be
// edited without the value failing to open.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { currentSealingKey, type SealingKey } from "./sealing-key";

const PREFIX = "sdl-sealed";
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A value that can't be opened: damaged, altered, or sealed under another secret. */
export class SecretOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretOpenError";
  }
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(`${PREFIX}:`);
}

export function sealSecret(plaintext: string, key: SealingKey): string {
  const header = `${PREFIX}:${VERSION}:${key.id}`;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key.key, iv);
  cipher.setAAD(Buffer.from(header));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${header}:${Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString("base64url")}`;
}

/**
 * The plaintext of a stored value. A value without the sealed prefix was stored before secrets were
 * sealed and is returned as it is. `label` names the value in errors ("header Authorization"); the
 * errors never contain the value itself.
 */
export function openSecret(stored: string, label: string, key?: SealingKey): string {
  if (!isSealed(stored)) return stored;
  const parts = stored.split(":");
  if (parts.length !== 4) throw new SecretOpenError(`${label}: the sealed value is malformed`);
  const [, version, keyId, data] = parts as [string, string, string, string];
  if (version !== VERSION) throw new SecretOpenError(`${label}: sealed in format ${version}, which this version of Sundial cannot read`);
  const usable = key ?? currentSealingKey();
  if (keyId !== usable.id) {
    throw new SecretOpenError(
      `${label} was sealed with key ${keyId}, but this process has key ${usable.id}: ` +
        "every web server and worker needs the same SUNDIAL_SECRET (or the same generated secret file)",
    );
  }
  const raw = Buffer.from(data, "base64url");
  if (raw.length < IV_BYTES + TAG_BYTES) throw new SecretOpenError(`${label}: the sealed value is malformed`);
  const decipher = createDecipheriv("aes-256-gcm", usable.key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(`${PREFIX}:${version}:${keyId}`));
  decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretOpenError(`${label}: the sealed value does not authenticate (it was damaged or altered)`);
  }
}
