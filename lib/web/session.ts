// Guards for pages and layouts: each calls one of these itself, so a page is protected even when it
// is reached in a way no layout or proxy anticipated.
import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { can, type Permission } from "../auth/roles";
import { callerFrom, type Caller } from "./caller";

export type SessionCaller = Extract<Caller, { via: "session" }>;

/** The caller of this render, or null; one lookup however many components ask. */
export const currentCaller = cache(async (): Promise<Caller | null> => callerFrom(await headers()));

/** The signed-in user; anyone else is sent to the sign-in page. */
export async function requireSession(): Promise<SessionCaller> {
  const caller = await currentCaller();
  if (caller?.via !== "session") redirect("/login");
  return caller;
}

/** The signed-in user if their role holds the permission; a page the role can't see does not exist. */
export async function requirePermission(permission: Permission): Promise<SessionCaller> {
  const caller = await requireSession();
  if (!can(caller.role, permission)) notFound();
  return caller;
}
