"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { createFirstAdmin } from "@/lib/users/create-first-admin";
import { FirstAdminInput } from "@/lib/validation/account-input";
import type { ActionResult } from "@/lib/web/action-result";
import { defineAction } from "@/lib/web/define-action";

// Open to anyone, but only while Sundial has no account: createFirstAdmin refuses once one exists.
const create = defineAction({ permission: "public", input: FirstAdminInput, name: "setup.first-admin" }, async (input) => {
  await createFirstAdmin(getDb(), input);
  return null;
});

export async function setupFirstAdmin(previous: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const result = await create(previous, form);
  if (result.ok) redirect("/login");
  return result;
}
