import type { Metadata } from "next";
import { UsersManager } from "@/components/settings/users-manager";
import { getDb } from "@/lib/db";
import { listUsers } from "@/lib/users/read";
import { requirePermission } from "@/lib/web/session";
import { createUserAction, removeUserAction, setUserDisabledAction, setUserRoleAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const caller = await requirePermission("users:manage");
  const users = await listUsers(getDb());
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
        <p className="text-sm text-muted-foreground">
          Viewers read; operators also run and change jobs; admins also manage users, API tokens and settings.
        </p>
      </div>
      <UsersManager
        users={users}
        currentUserId={caller.user.id}
        actions={{ create: createUserAction, setRole: setUserRoleAction, setDisabled: setUserDisabledAction, remove: removeUserAction }}
      />
    </div>
  );
}
