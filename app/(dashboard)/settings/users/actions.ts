"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import { removeUser } from "@/lib/users/remove-user";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import { setUserRole } from "@/lib/users/set-user-role";
import { NewUserInput, UserDisabledInput, UserIdInput, UserRoleInput } from "@/lib/validation/account-input";
import { defineAction } from "@/lib/web/define-action";

export const createUserAction = defineAction({ permission: "users:manage", input: NewUserInput, name: "users.create" }, async (input, { caller }) => {
  const user = await createUser(getDb(), input, caller.actor);
  revalidatePath("/settings/users");
  return user;
});

export const setUserRoleAction = defineAction({ permission: "users:manage", input: UserRoleInput, name: "users.set-role" }, async (input, { caller }) => {
  const user = await setUserRole(getDb(), input, caller.actor);
  revalidatePath("/settings/users");
  return user;
});

export const setUserDisabledAction = defineAction({ permission: "users:manage", input: UserDisabledInput, name: "users.set-disabled" }, async (input, { caller }) => {
  const user = await setUserDisabled(getDb(), { userId: input.userId, disabled: String(input.disabled) }, caller.actor);
  revalidatePath("/settings/users");
  return user;
});

export const removeUserAction = defineAction({ permission: "users:manage", input: UserIdInput, name: "users.remove" }, async (input, { caller }) => {
  await removeUser(getDb(), input, caller.actor);
  revalidatePath("/settings/users");
  return null;
});
