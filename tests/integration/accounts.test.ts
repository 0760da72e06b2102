import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateApiToken, createApiToken, hashToken, listApiTokens, revokeApiToken } from "@/lib/auth/api-tokens";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Actor } from "@/lib/jobs/actor";
import { createFirstAdmin } from "@/lib/users/create-first-admin";
import { createUser } from "@/lib/users/create-user";
import { listUsers } from "@/lib/users/read";
import { removeUser } from "@/lib/users/remove-user";
import { seedAdmin } from "@/lib/users/seed-admin";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import { setUserRole } from "@/lib/users/set-user-role";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";

const password = "correct horse battery";

describe.each(providers)("accounts and tokens on %s", (provider) => {
  let t: TestDatabase;
  let admin: Actor;
  beforeAll(async () => {
    t = await freshDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("the first admin is made once, however many setups race for it", async () => {
    expect(await seedAdmin(t.db, {})).toBe("no-seed");
    const attempts = await Promise.allSettled(
      ["ada", "bea", "cy"].map((name) => createFirstAdmin(t.db, { name, email: `${name}@example.com`, password })),
    );
    const made = attempts.filter((a) => a.status === "fulfilled");
    expect(made).toHaveLength(1);
    for (const failed of attempts.filter((a) => a.status === "rejected")) expect(failed.reason).toBeInstanceOf(ConflictError);
    const users = await listUsers(t.db);
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ role: "admin", disabled: false });
    admin = { type: "user", id: users[0]!.id, label: users[0]!.email };
    // The seed does nothing once an account exists, so it is safe on every start.
    expect(await seedAdmin(t.db, { email: "other@example.com", password })).toBe("users-exist");
    expect(await t.db.user.count()).toBe(1);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "user.create" } });
    expect(audit).toMatchObject({ actorType: "system", actorLabel: "first-start setup", targetId: admin.id });
  });

  it("refuses a short password, an email that is not one and an unknown role, naming each field", async () => {
    const error = await createUser(t.db, { name: "", email: "not-an-email", password: "short", role: "root" }, admin).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({
      name: ["name is required"],
      email: ["enter an email address such as ada@example.com"],
      password: ["the password must be at least 12 characters long"],
      role: ["role must be one of viewer, operator, admin"],
    });
    await expect(createUser(t.db, { name: "Ada 2", email: admin.label.toUpperCase(), password, role: "viewer" }, admin)).rejects.toThrow(ConflictError);
  });

  it("never leaves Sundial without an enabled admin, and audits each change", async () => {
    const otto = await createUser(t.db, { name: "Otto", email: "otto@example.com", password, role: "operator" }, admin);
    const only = { userId: admin.id! };
    await expect(setUserRole(t.db, { ...only, role: "operator" }, admin)).rejects.toThrow("Sundial needs at least one enabled admin");
    await expect(setUserDisabled(t.db, { ...only, disabled: "true" }, admin)).rejects.toThrow(ConflictError);
    await expect(removeUser(t.db, only, admin)).rejects.toThrow(ConflictError);
    expect((await listUsers(t.db)).find((u) => u.id === admin.id)).toMatchObject({ role: "admin", disabled: false });

    await setUserRole(t.db, { userId: otto.id, role: "admin" }, admin);
    await setUserRole(t.db, { ...only, role: "viewer" }, admin);
    await setUserRole(t.db, { ...only, role: "admin" }, { type: "user", id: otto.id, label: otto.email });
    await setUserDisabled(t.db, { userId: otto.id, disabled: "true" }, admin);
    await removeUser(t.db, { userId: otto.id }, admin);
    await expect(removeUser(t.db, { userId: otto.id }, admin)).rejects.toThrow(NotFoundError);
    const actions = (await t.db.auditEvent.findMany({ where: { targetId: otto.id }, orderBy: { at: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["user.create", "user.set-role", "user.disable", "user.remove"]);
  });

  it("a token is stored hashed, shown once, carries its role and works until it expires or is revoked", async () => {
    const now = new Date("2026-12-01T10:00:00.000Z");
    const { token, secret } = await createApiToken(t.db, { name: "ci", role: "viewer", expiresInDays: "7" }, { actor: admin, role: "admin" }, now);
    expect(secret).toMatch(/^sdl_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: "ci", role: "viewer", prefix: secret.slice(0, 12), expiresAt: "2026-12-08T10:00:00.000Z", lastUsedAt: null });
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.tokenHash).toBe(hashToken(secret));
    expect(JSON.stringify(await listApiTokens(t.db))).not.toContain(secret);
    expect(JSON.stringify(await t.db.auditEvent.findMany())).not.toContain(secret);

    expect(await authenticateApiToken(t.db, secret, now)).toEqual({ id: token.id, name: "ci", role: "viewer" });
    expect(await authenticateApiToken(t.db, `${secret}x`, now)).toBeNull();
    expect(await authenticateApiToken(t.db, "not-a-token", now)).toBeNull();

    // lastUsedAt moves at most once a minute.
    await authenticateApiToken(t.db, secret, new Date(now.getTime() + 30_000));
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).toEqual(now);
    const later = new Date(now.getTime() + 61_000);
    await authenticateApiToken(t.db, secret, later);
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).toEqual(later);

    expect(await authenticateApiToken(t.db, secret, new Date("2026-12-08T10:00:00.000Z"))).toBeNull();
    await revokeApiToken(t.db, { tokenId: token.id }, admin, now);
    expect(await authenticateApiToken(t.db, secret, now)).toBeNull();
    const actions = (await t.db.auditEvent.findMany({ where: { targetId: token.id }, orderBy: { at: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["token.create", "token.revoke"]);
  });

  it("a token can't outrank its creator, and bad input is named", async () => {
    const operator: Actor = { type: "user", id: null, label: "op@example.com" };
    const error = await createApiToken(t.db, { name: "escalate", role: "admin" }, { actor: operator, role: "operator" }).catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors).toEqual({ role: ["a token can't have a higher role than yours (operator)"] });
    const bad = await createApiToken(t.db, { name: " ", role: "viewer", expiresInDays: "0" }, { actor: admin, role: "admin" }).catch((e: unknown) => e);
    expect((bad as ValidationError).fieldErrors).toEqual({ name: ["name is required"], expiresInDays: ["expiry must be at least 1 day"] });
  });
});
