// REST API credentials. The secret is shown once, at creation; only its SHA-256 is stored (a
// 256-bit random secret needs no slow hash: there is nothing to guess it from).
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db";
import { recordAudit } from "../audit/record-audit";
import { NotFoundError, ValidationError } from "../errors";
import type { Actor } from "../jobs/actor";
import { ApiTokenIdInput, NewApiTokenInput } from "../validation/account-input";
import { fieldErrorsOf } from "../validation/field-errors";
import { isRole, isWithin, type Role } from "./roles";

export const TOKEN_PREFIX = "sdl_";
/** How much of a token lists show, so operators can tell tokens apart. */
const SHOWN_CHARS = TOKEN_PREFIX.length + 8;
/** lastUsedAt is written at most this often per token: a busy client must not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiTokenDto = {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  createdAt: string;
  createdBy: string | null;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  role: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: { email: string } | null;
};

const TOKEN_COLUMNS = {
  id: true,
  name: true,
  prefix: true,
  role: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { email: true } },
} as const;

function toDto(row: TokenRow): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role as Role,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy?.email ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/**
 * Creates a token with a role no higher than its creator's. Returns the secret: the only time it
 * exists outside the client that receives it.
 */
export async function createApiToken(
  db: Db,
  input: unknown,
  creator: { actor: Actor; role: Role },
  now: Date = new Date(),
): Promise<{ token: ApiTokenDto; secret: string }> {
  const parsed = NewApiTokenInput.safeParse(input);
  if (!parsed.success) throw new ValidationError("The token is invalid", fieldErrorsOf(parsed.error));
  const { name, role, expiresInDays } = parsed.data;
  if (!isWithin(role, creator.role)) {
    throw new ValidationError("The token is invalid", { role: [`a token can't have a higher role than yours (${creator.role})`] });
  }
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const token = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        name,
        role,
        prefix: secret.slice(0, SHOWN_CHARS),
        tokenHash: hashToken(secret),
        createdById: creator.actor.type === "user" ? creator.actor.id : null,
        createdAt: now,
        expiresAt: expiresInDays === undefined ? null : new Date(now.getTime() + expiresInDays * 86_400_000),
      },
      select: TOKEN_COLUMNS,
    });
    const dto = toDto(row);
    await recordAudit(tx, creator.actor, { action: "token.create", targetType: "api_token", targetId: row.id, after: dto, at: now });
    return dto;
  });
  return { token, secret };
}

export async function listApiTokens(db: Db): Promise<ApiTokenDto[]> {
  const rows = await db.apiToken.findMany({ orderBy: [{ createdAt: "desc" }], select: TOKEN_COLUMNS });
  return rows.map(toDto);
}

/** Revokes a token for good; revoking it again changes nothing. */
export async function revokeApiToken(db: Db, input: unknown, actor: Actor, now: Date = new Date()): Promise<ApiTokenDto> {
  const parsed = ApiTokenIdInput.safeParse(input);
  if (!parsed.success) throw new ValidationError("The request is invalid", fieldErrorsOf(parsed.error));
  const { tokenId } = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await tx.apiToken.findUnique({ where: { id: tokenId }, select: TOKEN_COLUMNS });
    if (!before) throw new NotFoundError("No such API token");
    if (before.revokedAt) return toDto(before);
    const row = await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: now }, select: TOKEN_COLUMNS });
    const dto = toDto(row);
    await recordAudit(tx, actor, { action: "token.revoke", targetType: "api_token", targetId: tokenId, before: toDto(before), after: dto, at: now });
    return dto;
  });
}

export type TokenCaller = { id: string; name: string; role: Role };

/**
 * The token a request presented, if it is known, unrevoked, unexpired and of a known role; null
 * otherwise (the caller answers 401 without saying which).
 */
export async function authenticateApiToken(db: Db, secret: string, now: Date = new Date()): Promise<TokenCaller | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: { id: true, name: true, role: true, expiresAt: true, revokedAt: true },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || !isRole(row.role)) return null;
  await db.apiToken.updateMany({
    where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
    data: { lastUsedAt: now },
  });
  return { id: row.id, name: row.name, role: row.role };
}

