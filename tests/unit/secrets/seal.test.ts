import { describe, expect, it } from "vitest";
import { isSealed, openSecret, sealSecret, SecretOpenError } from "@/lib/secrets/seal";
import { deriveSealingKey } from "@/lib/secrets/sealing-key";

const key = deriveSealingKey("unit-test secret, long enough to be a real one");
const otherKey = deriveSealingKey("another deployment's secret, also long enough");
const PLAINTEXT = "Bearer tok_live_4f9a";

/** The sealed value with one character of its ciphertext changed. */
function tampered(sealed: string): string {
  const at = sealed.length - 10;
  return sealed.slice(0, at) + (sealed[at] === "A" ? "B" : "A") + sealed.slice(at + 1);
}

function openError(stored: string, with_ = key): SecretOpenError {
  try {
    openSecret(stored, "header Authorization", with_);
  } catch (error) {
    expect(error).toBeInstanceOf(SecretOpenError);
    return error as SecretOpenError;
  }
  throw new Error("expected the value not to open");
}

describe("sealed secrets", () => {
  it("round-trips, with the format version and key id in front and nothing of the plaintext in the value", () => {
    for (const plaintext of [PLAINTEXT, "", "ünïcødé ✓ and \"quotes\""]) {
      const sealed = sealSecret(plaintext, key);
      expect(sealed).toMatch(new RegExp(`^sdl-sealed:v1:${key.id}:[A-Za-z0-9_-]+$`));
      if (plaintext) expect(sealed).not.toContain(plaintext);
      expect(isSealed(sealed)).toBe(true);
      expect(openSecret(sealed, "header Authorization", key)).toBe(plaintext);
    }
  });

  it("seals the same value differently each time (a fresh IV)", () => {
    expect(sealSecret(PLAINTEXT, key)).not.toBe(sealSecret(PLAINTEXT, key));
  });

  it("derives the same key from the same secret, and another key id from another secret", () => {
    expect(deriveSealingKey("unit-test secret, long enough to be a real one")).toEqual(key);
    expect(key.id).toMatch(/^[0-9a-f]{8}$/);
    expect(otherKey.id).not.toBe(key.id);
    expect(() => deriveSealingKey("")).toThrow(/empty secret/);
  });

  it("returns a value stored before sealing existed as it is", () => {
    expect(isSealed(PLAINTEXT)).toBe(false);
    expect(openSecret(PLAINTEXT, "header Authorization", key)).toBe(PLAINTEXT);
  });

  it("refuses an altered ciphertext, naming the entry but not the value", () => {
    const error = openError(tampered(sealSecret(PLAINTEXT, key)));
    expect(error.message).toBe("header Authorization: the sealed value does not authenticate (it was damaged or altered)");
  });

  it("refuses a value whose key id was edited to match the key (the prefix is authenticated too)", () => {
    const sealedByOther = sealSecret(PLAINTEXT, otherKey);
    const relabelled = sealedByOther.replace(`:${otherKey.id}:`, `:${key.id}:`);
    expect(openError(relabelled).message).toMatch(/does not authenticate/);
  });

  it("says clearly when the value was sealed under another secret", () => {
    const error = openError(sealSecret(PLAINTEXT, otherKey));
    expect(error.message).toBe(
      `header Authorization was sealed with key ${otherKey.id}, but this process has key ${key.id}: ` +
        "every web server and worker needs the same SUNDIAL_SECRET (or the same generated secret file)",
    );
    expect(error.message).not.toContain(PLAINTEXT);
  });

  it("refuses malformed values and unknown format versions", () => {
    const sealed = sealSecret(PLAINTEXT, key);
    expect(openError("sdl-sealed:v1:garbage").message).toMatch(/malformed/);
    expect(openError(`sdl-sealed:v1:${key.id}:AAAA`).message).toMatch(/malformed/);
    expect(openError(sealed.replace(":v1:", ":v9:")).message).toBe("header Authorization: sealed in format v9, which this version of Sundial cannot read");
  });
});
