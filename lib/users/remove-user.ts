import type { Db } from "../db";
import { recordAudit } from "../audit/record-audit";
import { NotFoundError, ValidationError } from "../errors";
import type { Actor } from "../jobs/actor";
import { UserIdInput } from "../validation/account-input";
import { fieldErrorsOf } from "../validation/field-errors";
import { assertAnAdminRemains } from "./admin-guard";
import { toUserDto, USER_COLUMNS } from "./user-dto";

/** Deletes an account with its sessions; jobs and runs it touched keep their history, unlinked. */
export async function removeUser(db: Db, input: unknown, actor: Actor): Promise<void> {
  const parsed = UserIdInput.safeParse(input);
  if (!parsed.success) throw new ValidationError("The removal is invalid", fieldErrorsOf(parsed.error));
  const { userId } = parsed.data;
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: USER_COLUMNS });
    if (!before) throw new NotFoundError("No such user");
    await tx.user.delete({ where: { id: userId } });
    await assertAnAdminRemains(tx);
    await recordAudit(tx, actor, { action: "user.remove", targetType: "user", targetId: userId, before: toUserDto(before) });
  });
}
