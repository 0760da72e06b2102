import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Db } from "../db";
import { recordAudit } from "../audit/record-audit";
import { ConflictError, ValidationError } from "../errors";
import type { Actor } from "../jobs/actor";
import { NewUserInput } from "../validation/account-input";
import { fieldErrorsOf } from "../validation/field-errors";
import { toUserDto, USER_COLUMNS, type UserDto } from "./user-dto";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Creates an account that signs in with email and password (better-auth's "credential" account). */
export async function createUser(db: Db, input: unknown, actor: Actor): Promise<UserDto> {
  const parsed = NewUserInput.safeParse(input);
  if (!parsed.success) throw new ValidationError("The user is invalid", fieldErrorsOf(parsed.error));
  const passwordHash = await hashPassword(parsed.data.password);
  try {
    return await db.$transaction((tx) => insertUser(tx, { ...parsed.data, passwordHash }, actor));
  } catch (error) {
    if ((error as { code?: unknown }).code === "P2002") {
      throw new ConflictError(`A user with the email ${parsed.data.email} already exists`, { fieldErrors: { email: ["a user with this email already exists"] } });
    }
    throw error;
  }
}

/** The user row, its credential account and the audit row, in the caller's transaction. */
export async function insertUser(
  tx: Tx,
  user: { name: string; email: string; role: string; passwordHash: string },
  actor: Actor,
): Promise<UserDto> {
  const id = randomUUID();
  const row = await tx.user.create({
    data: {
      id,
      name: user.name,
      email: user.email,
      role: user.role,
      accounts: { create: { id: randomUUID(), accountId: id, providerId: "credential", password: user.passwordHash } },
    },
    select: USER_COLUMNS,
  });
  const dto = toUserDto(row);
  await recordAudit(tx, actor, { action: "user.create", targetType: "user", targetId: id, after: dto });
  return dto;
}
