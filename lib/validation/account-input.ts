// What forms, actions and the first-start seed accept for accounts and API tokens.
import { z } from "zod";
import { ROLES } from "../auth/roles";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../env";

const roleError = { error: `role must be one of ${ROLES.join(", ")}` };

export const Email = z
  .string({ error: "email is required" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "enter an email address such as ada@example.com" }));

export const Password = z
  .string({ error: "password is required" })
  .min(PASSWORD_MIN_LENGTH, { error: `the password must be at least ${PASSWORD_MIN_LENGTH} characters long` })
  .max(PASSWORD_MAX_LENGTH, { error: `the password must be at most ${PASSWORD_MAX_LENGTH} characters long` });

export const RoleInput = z.enum(ROLES, roleError);

const Name = z.string({ error: "name is required" }).trim().min(1, { error: "name is required" }).max(100, { error: "name must be at most 100 characters" });

export const FirstAdminInput = z.object({ name: Name, email: Email, password: Password });
export type FirstAdminInput = z.infer<typeof FirstAdminInput>;

export const NewUserInput = z.object({ name: Name, email: Email, password: Password, role: RoleInput });
export type NewUserInput = z.infer<typeof NewUserInput>;

export const UserRoleInput = z.object({ userId: z.string().min(1, { error: "userId is required" }), role: RoleInput });
export const UserIdInput = z.object({ userId: z.string().min(1, { error: "userId is required" }) });
export const UserDisabledInput = UserIdInput.extend({ disabled: z.stringbool({ error: "disabled must be true or false" }) });

export const NewApiTokenInput = z.object({
  name: Name,
  role: RoleInput,
  /** Days until it stops working; empty for a token that does not expire. */
  expiresInDays: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.coerce.number({ error: "expiry must be a number of days" }).int({ error: "expiry must be a whole number of days" }).min(1, { error: "expiry must be at least 1 day" }).max(3650, { error: "expiry must be at most 3650 days" }).optional(),
  ),
});
export type NewApiTokenInput = z.infer<typeof NewApiTokenInput>;

export const ApiTokenIdInput = z.object({ tokenId: z.string().min(1, { error: "tokenId is required" }) });
