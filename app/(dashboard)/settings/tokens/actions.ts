"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { getDb } from "@/lib/db";
import { ApiTokenIdInput, NewApiTokenInput } from "@/lib/validation/account-input";
import { defineAction } from "@/lib/web/define-action";

export const createTokenAction = defineAction({ permission: "tokens:manage", input: NewApiTokenInput, name: "tokens.create" }, async (input, { caller }) => {
  const created = await createApiToken(getDb(), input, { actor: caller.actor, role: caller.role });
  revalidatePath("/settings/tokens");
  return created;
});

export const revokeTokenAction = defineAction({ permission: "tokens:manage", input: ApiTokenIdInput, name: "tokens.revoke" }, async (input, { caller }) => {
  const token = await revokeApiToken(getDb(), input, caller.actor);
  revalidatePath("/settings/tokens");
  return token;
});
