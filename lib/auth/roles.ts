// Who may do what: the one table every page, action and route consults through `can`.
export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "jobs:read",
  "jobs:write",
  "runs:read",
  "runs:write",
  "workers:read",
  "users:manage",
  "tokens:manage",
  "audit:read",
  "alerts:manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ["jobs:read", "runs:read", "workers:read"];
const OPERATE: Permission[] = [...READ, "jobs:write", "runs:write"];

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  viewer: new Set(READ),
  operator: new Set(OPERATE),
  admin: new Set<Permission>([...OPERATE, "users:manage", "tokens:manage", "audit:read", "alerts:manage"]),
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Whether a role holds a permission; anything that is not a known role holds none. */
export function can(role: string, permission: Permission): boolean {
  return isRole(role) && GRANTS[role].has(permission);
}

/** Whether `role` grants nothing beyond `ceiling` (a token may not outrank the admin who makes it). */
export function isWithin(role: Role, ceiling: Role): boolean {
  return ROLES.indexOf(role) <= ROLES.indexOf(ceiling);
}
