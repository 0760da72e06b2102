import type { Db } from "../db";
import { recordAudit } from "../audit/record-audit";
import { NotFoundError, ValidationError } from "../errors";
import type { Actor } from "../jobs/actor";
import { UserDisabledInput } from "../validation/account-input";
import { fieldErrorsOf } from "../validation/field-errors";
import { assertAnAdminRemains } from "./admin-guard";
import { toUserDto, USER_COLUMNS, type UserDto } from "./user-dto";

/** Disables an account (it can't sign in, its sessions end at once) or enables it again. */
export async function setUserDisabled(db: Db, input: unknown, actor: Actor): Promise<UserDto> {
  const parsed = UserDisabledInput.safeParse(input);
  if (!parsed.success) throw new ValidationError("The change is invalid", fieldErrorsOf(parsed.error));
  const { userId, disabled } = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: USER_COLUMNS });
    if (!before) throw new NotFoundError("No such user");
    const row = await tx.user.update({ where: { id: userId }, data: { banned: disabled }, select: USER_COLUMNS });
    if (disabled) {
      await assertAnAdminRemains(tx);
      await tx.session.deleteMany({ where: { userId } });
    }
    const dto = toUserDto(row);
    await recordAudit(tx, actor, { action: disabled ? "user.disable" : "user.enable", targetType: "user", targetId: userId, before: toUserDto(before), after: dto });
    return dto;
  });
}
