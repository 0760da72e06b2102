// Sundial's better-auth instance: email and password accounts, database sessions in an httpOnly,
// SameSite=Lax cookie, scrypt password hashes. Nobody signs up: accounts come from the first-admin
// setup and from admins (lib/auth/users), so the sign-up endpoint is off.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { dbProvider, getDb, type Db } from "../db";
import { env, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../env";
import { createLogger } from "../log";
import { createLoginThrottle, type LoginThrottle } from "./login-throttle";
import { resolveSecret } from "./secret";

/** Wrong passwords allowed per email address and per minute; the next attempt gets 429. */
export const SIGN_IN_FAILURES_PER_MINUTE = 5;
/** Sign-in requests allowed per client IP and per minute, whatever the addresses tried. */
export const SIGN_IN_REQUESTS_PER_IP_PER_MINUTE = 20;

export type AuthOptions = {
  db: Db;
  secret: string;
  /** Where users reach Sundial; an https:// URL makes the cookies Secure. Unset: the request's own origin. */
  publicUrl?: string;
  throttle?: LoginThrottle;
};

export function createAuth({ db, secret, publicUrl, throttle = createLoginThrottle({ maxFailures: SIGN_IN_FAILURES_PER_MINUTE, windowMs: 60_000 }) }: AuthOptions) {
  const log = createLogger("web", { module: "auth" });
  return betterAuth({
    secret,
    baseURL: publicUrl,
    // Without a public URL, a browser's Origin must name the host it addressed (as Next judges server
    // actions): the URL Next hands the handler says "localhost" whatever the browser typed.
    trustedOrigins: publicUrl ? [] : async (request) => originsOfHost(request),
    database: prismaAdapter(db, { provider: dbProvider(db) }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
    },
    user: {
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "viewer" },
        banned: { type: "boolean", input: false, required: false, defaultValue: false },
      },
    },
    session: { expiresIn: 7 * 24 * 3600, updateAge: 24 * 3600 },
    // On in every mode: better-auth enables its limiter only in production by default, and an
    // unthrottled `next dev` or test server would hide a broken limit.
    rateLimit: {
      enabled: true,
      storage: "memory",
      customRules: { "/sign-in/email": { window: 60, max: SIGN_IN_REQUESTS_PER_IP_PER_MINUTE } },
    },
    // Behind an https proxy without SUNDIAL_PUBLIC_URL the cookies would lack Secure, so the README
    // asks for the setting; a plain-http install must not get Secure cookies its browser drops.
    advanced: { useSecureCookies: publicUrl?.startsWith("https://") ?? false },
    telemetry: { enabled: false },
    logger: {
      level: "error",
      log: (level, message, ...args) => log[level]({ args }, message),
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = emailOf(ctx.body);
        if (!email) return;
        const state = throttle.check(email);
        if (state.throttled) {
          throw new APIError("TOO_MANY_REQUESTS", { message: `Too many failed sign-ins for this address; try again in ${state.retryAfterSeconds} s` }, { "X-Retry-After": String(state.retryAfterSeconds) });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = emailOf(ctx.body);
        if (!email) return;
        const returned = ctx.context.returned;
        if (isAPIError(returned)) {
          if (returned.statusCode === 401) throttle.recordFailure(email);
        } else {
          throttle.clear(email);
        }
      }),
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled account keeps its row (its history names it) but can't sign in.
          before: async (session) => {
            const user = await db.user.findUnique({ where: { id: session.userId }, select: { banned: true } });
            if (user?.banned) throw new APIError("FORBIDDEN", { message: "This account is disabled" });
          },
        },
      },
    },
  });
}

function originsOfHost(request: Request | undefined): string[] {
  const host = request?.headers.get("x-forwarded-host") ?? request?.headers.get("host");
  return host ? [`http://${host}`, `https://${host}`] : [];
}

function emailOf(body: unknown): string | undefined {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" ? email : undefined;
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { __sundialAuth?: Auth };

/** The process-wide instance, on the process-wide database client. */
export function getAuth(): Auth {
  globalForAuth.__sundialAuth ??= createAuth({ db: getDb(), secret: resolveSecret(), publicUrl: env().SUNDIAL_PUBLIC_URL });
  return globalForAuth.__sundialAuth;
}
