import type { Db } from "../db";
import { toUserDto, USER_COLUMNS, type UserDto } from "./user-dto";

export async function listUsers(db: Db): Promise<UserDto[]> {
  const rows = await db.user.findMany({ orderBy: [{ email: "asc" }], select: USER_COLUMNS });
  return rows.map(toUserDto);
}

export async function hasAnyUser(db: Db): Promise<boolean> {
  return (await db.user.count()) > 0;
}
