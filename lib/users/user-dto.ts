import type { Role } from "../auth/roles";

export type UserDto = {
  id: string;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
};

export function toUserDto(row: { id: string; name: string; email: string; role: string; banned: boolean | null; createdAt: Date }): UserDto {
  return { id: row.id, name: row.name, email: row.email, role: row.role as Role, disabled: row.banned === true, createdAt: row.createdAt.toISOString() };
}

export const USER_COLUMNS = { id: true, name: true, email: true, role: true, banned: true, createdAt: true } as const;
