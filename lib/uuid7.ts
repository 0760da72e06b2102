import { randomFillSync } from "node:crypto";

// Random bits come from a pool filled 256 ids at a time: a worker planning 1,000 slots a second
// made a call into the crypto library per id, a few percent of its CPU (as randomUUID's own cache
// avoids).
const POOL_BYTES = 16 * 256;
const pool = Buffer.allocUnsafe(POOL_BYTES);
let used = POOL_BYTES;

function randomSixteen(): Buffer {
  if (used === POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  const bytes = Buffer.from(pool.subarray(used, used + 16));
  used += 16;
  return bytes;
}

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. The ids Prisma gives
 * rows created through its query builder (`@default(uuid(7))`); rows inserted in bulk with SQL get
 * theirs here, so ids sort by creation time whichever way a row was written.
 */
export function uuid7(nowMs: number = Date.now()): string {
  const bytes = randomSixteen();
  bytes.writeUIntBE(nowMs, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
