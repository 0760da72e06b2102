import type { Db } from "../db";
import { recordAudit } from "../audit/record-audit";
import { NotFoundError, ValidationError } from "../errors";
import type { Actor } from "../jobs/actor";
import { UserRoleInput } from "../validation/account-input";
import { fieldErrorsOf } from "../validation/field-errors";
import { assertAnAdminRemains } from "./admin-guard";
import { toUserDto, USER_COLUMNS, type UserDto } from "./user-dto";

export async function setUserRole(db: Db, input: unknown, actor: Actor): Promise<UserDto> {
  const parsed = UserRoleInput.safeParse(input);
  if (!parsed.success) throw new ValidationError("The role change is invalid", fieldErrorsOf(parsed.error));
  const { userId, role } = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: USER_COLUMNS });
    if (!before) throw new NotFoundError("No such user");
    const row = await tx.user.update({ where: { id: userId }, data: { role }, select: USER_COLUMNS });
    await assertAnAdminRemains(tx);
    const dto = toUserDto(row);
    await recordAudit(tx, actor, { action: "user.set-role", targetType: "user", targetId: userId, before: toUserDto(before), after: dto });
    return dto;
  });
}
