import { hashPassword } from "better-auth/crypto";
import { dbProvider, type Db } from "../db";
import { ConflictError, ValidationError } from "../errors";
import type { Actor } from "../jobs/actor";
import { FirstAdminInput } from "../validation/account-input";
import { fieldErrorsOf } from "../validation/field-errors";
import { insertUser } from "./create-user";
import type { UserDto } from "./user-dto";

const SETUP_ACTOR: Actor = Object.freeze({ type: "system", id: null, label: "first-start setup" });

/** Any number; it names the lock two concurrent setups on PostgreSQL wait for. */
const FIRST_ADMIN_LOCK = 7_310_001;

/**
 * Creates the first account, an admin, while Sundial has no user at all: the setup page and the
 * SUNDIAL_ADMIN_* seed both come here. Once any user exists it refuses with a ConflictError.
 */
export async function createFirstAdmin(db: Db, input: unknown): Promise<UserDto> {
  const parsed = FirstAdminInput.safeParse(input);
  if (!parsed.success) throw new ValidationError("The account is invalid", fieldErrorsOf(parsed.error));
  const passwordHash = await hashPassword(parsed.data.password);
  return db.$transaction(async (tx) => {
    // SQLite runs one writing transaction at a time; PostgreSQL needs the lock so that two setup
    // forms sent at once can't both see "no user yet".
    if (dbProvider(db) === "postgresql") await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`;
    if ((await tx.user.count()) > 0) throw new ConflictError("Sundial already has an account: sign in instead");
    return insertUser(tx, { ...parsed.data, role: "admin", passwordHash }, SETUP_ACTOR);
  });
}
