import { describe, expect, it } from "vitest";
import { can, isWithin, PERMISSIONS, ROLES, type Permission } from "@/lib/auth/roles";

const expected: Record<(typeof ROLES)[number], Permission[]> = {
  viewer: ["jobs:read", "runs:read", "workers:read"],
  operator: ["jobs:read", "jobs:write", "runs:read", "runs:write", "workers:read"],
  admin: [...PERMISSIONS],
};

describe("the role matrix", () => {
  it.each(ROLES)("%s holds exactly its permissions", (role) => {
    expect(PERMISSIONS.filter((permission) => can(role, permission)).sort()).toEqual([...expected[role]].sort());
  });

  it("an unknown or empty role holds nothing (a hand-edited row can't grant by typo)", () => {
    for (const role of ["", "Admin", "root", "user"]) for (const permission of PERMISSIONS) expect(can(role, permission)).toBe(false);
  });

  it("orders roles for the token ceiling", () => {
    expect(isWithin("viewer", "operator")).toBe(true);
    expect(isWithin("admin", "admin")).toBe(true);
    expect(isWithin("admin", "operator")).toBe(false);
  });
});
