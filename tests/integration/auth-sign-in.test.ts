import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth, SIGN_IN_FAILURES_PER_MINUTE } from "@/lib/auth/auth";
import { SYSTEM_ACTOR } from "@/lib/jobs/actor";
import { createFirstAdmin } from "@/lib/users/create-first-admin";
import { createUser } from "@/lib/users/create-user";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";

const SECRET = "test-secret-test-secret-test-secret-0123456789";
const password = "correct horse battery";

function signIn(auth: ReturnType<typeof createAuth>, email: string, pass: string, ip = "203.0.113.7"): Promise<Response> {
  return auth.handler(
    new Request("http://sundial.test/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://sundial.test", "x-forwarded-for": ip },
      body: JSON.stringify({ email, password: pass }),
    }),
  );
}

describe.each(providers)("signing in on %s", (provider) => {
  let t: TestDatabase;
  let auth: ReturnType<typeof createAuth>;
  beforeAll(async () => {
    t = await freshDatabase(provider);
    auth = createAuth({ db: t.db, secret: SECRET });
    await createFirstAdmin(t.db, { name: "Ada", email: "Ada@Example.com", password });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("the first admin signs in and gets an httpOnly, SameSite=Lax session cookie that getSession accepts", async () => {
    const response = await signIn(auth, "ada@example.com", password);
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const session = await auth.api.getSession({ headers: new Headers({ cookie: cookie!.split(";")[0]! }) });
    expect(session?.user).toMatchObject({ email: "ada@example.com", role: "admin" });
  });

  it("the cookie is Secure when SUNDIAL_PUBLIC_URL is https", async () => {
    const secure = createAuth({ db: t.db, secret: SECRET, publicUrl: "https://sundial.example.com" });
    const response = await secure.handler(
      new Request("https://sundial.example.com/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "https://sundial.example.com" },
        body: JSON.stringify({ email: "ada@example.com", password }),
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie().find((c) => c.includes("session_token="))).toMatch(/^__Secure-better-auth\.session_token=.*; Secure/i);
  });

  it("nobody can sign up through the API", async () => {
    const response = await auth.handler(
      new Request("http://sundial.test/api/auth/sign-up/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://sundial.test" },
        body: JSON.stringify({ email: "mallory@example.com", password, name: "Mallory" }),
      }),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await t.db.user.count({ where: { email: "mallory@example.com" } })).toBe(0);
  });

  it(`the ${SIGN_IN_FAILURES_PER_MINUTE + 1}th wrong password for an address in a minute is refused with 429, from any IP`, async () => {
    await createUser(t.db, { name: "Bob", email: "bob@example.com", password, role: "viewer" }, SYSTEM_ACTOR);
    for (let attempt = 1; attempt <= SIGN_IN_FAILURES_PER_MINUTE; attempt += 1) {
      expect((await signIn(auth, "bob@example.com", `wrong password ${attempt}`, `198.51.100.${attempt}`)).status).toBe(401);
    }
    const sixth = await signIn(auth, "bob@example.com", "wrong password 6", "198.51.100.99");
    expect(sixth.status).toBe(429);
    // Even the right password waits out the minute: the limit is what slows guessing down.
    expect((await signIn(auth, "bob@example.com", password, "198.51.100.100")).status).toBe(429);
    // Another address is not affected.
    expect((await signIn(auth, "ada@example.com", password, "198.51.100.101")).status).toBe(200);
  });

  it("a disabled account can't sign in and loses its sessions", async () => {
    const carol = await createUser(t.db, { name: "Carol", email: "carol@example.com", password, role: "operator" }, SYSTEM_ACTOR);
    const first = await signIn(auth, "carol@example.com", password, "192.0.2.50");
    expect(first.status).toBe(200);
    const cookie = first.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="))!.split(";")[0]!;
    await setUserDisabled(t.db, { userId: carol.id, disabled: "true" }, SYSTEM_ACTOR);
    expect(await auth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
    expect((await signIn(auth, "carol@example.com", password, "192.0.2.51")).status).toBe(403);
  });
});
