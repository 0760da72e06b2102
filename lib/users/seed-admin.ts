import type { Db } from "../db";
import { createFirstAdmin } from "./create-first-admin";
import { hasAnyUser } from "./read";

export type SeedOutcome = "created" | "users-exist" | "no-seed";

/**
 * Unattended installs: SUNDIAL_ADMIN_EMAIL / SUNDIAL_ADMIN_PASSWORD create the first admin when no
 * account exists yet. Once one does, the settings are ignored (changing them later changes no
 * password), so running it on every start is safe.
 */
export async function seedAdmin(db: Db, seed: { email?: string; password?: string }): Promise<SeedOutcome> {
  if (seed.email === undefined || seed.password === undefined) return (await hasAnyUser(db)) ? "users-exist" : "no-seed";
  if (await hasAnyUser(db)) return "users-exist";
  await createFirstAdmin(db, { name: seed.email.split("@")[0], email: seed.email, password: seed.password });
  return "created";
}
