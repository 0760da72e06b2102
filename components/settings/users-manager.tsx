"use client";

import { useActionState } from "react";
import { Instant } from "@/components/time/instant";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { UserDto } from "@/lib/users/user-dto";
import { ActionMessage } from "./action-message";
import type { FormAction } from "./action-types";

const ROLES = ["viewer", "operator", "admin"] as const;

type UserActions = {
  create: FormAction<UserDto>;
  setRole: FormAction<UserDto>;
  setDisabled: FormAction<UserDto>;
  remove: FormAction<null>;
};

export function UsersManager({ users, currentUserId, actions }: { users: UserDto[]; currentUserId: string; actions: UserActions }) {
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>Accounts</CardTitle>
          <CardDescription>{`${users.length} ${users.length === 1 ? "user" : "users"}`}</CardDescription>
        </CardHeader>
        <CardContent>
          <Table aria-label="Users">
            <TableHeader>
              <TableRow>
                <TableHead>User</TableHead>
                <TableHead>Role</TableHead>
                <TableHead>State</TableHead>
                <TableHead>Created</TableHead>
                <TableHead className="text-right">Actions</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {users.map((user) => (
                <UserRow key={user.id} user={user} isYou={user.id === currentUserId} actions={actions} />
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <CreateUserForm action={actions.create} />
    </div>
  );
}

function UserRow({ user, isYou, actions }: { user: UserDto; isYou: boolean; actions: UserActions }) {
  const [roleState, setRole, rolePending] = useActionState(actions.setRole, null);
  const [disabledState, setDisabled, disabledPending] = useActionState(actions.setDisabled, null);
  const [removeState, remove, removePending] = useActionState(actions.remove, null);
  return (
    <TableRow>
      <TableCell>
        <div className="font-medium">
          {user.name} {isYou ? <span className="text-muted-foreground">(you)</span> : null}
        </div>
        <div className="text-sm text-muted-foreground">{user.email}</div>
      </TableCell>
      <TableCell>
        <form action={setRole} className="flex items-center gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <NativeSelect name="role" defaultValue={user.role} aria-label={`Role of ${user.email}`} className="w-32">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </NativeSelect>
          <Button type="submit" variant="outline" size="sm" disabled={rolePending}>
            Save
          </Button>
        </form>
        <ActionMessage state={roleState} />
      </TableCell>
      <TableCell>{user.disabled ? <Badge variant="secondary">disabled</Badge> : <Badge variant="outline">active</Badge>}</TableCell>
      <TableCell>
        <Instant value={user.createdAt} />
      </TableCell>
      <TableCell className="text-right">
        <div className="flex justify-end gap-2">
          <form action={setDisabled}>
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="disabled" value={String(!user.disabled)} />
            <Button type="submit" variant="outline" size="sm" disabled={disabledPending}>
              {user.disabled ? "Enable" : "Disable"}
            </Button>
          </form>
          <form
            action={remove}
            onSubmit={(event) => {
              if (!window.confirm(`Remove ${user.email}? Their sessions end; the jobs they touched stay.`)) event.preventDefault();
            }}
          >
            <input type="hidden" name="userId" value={user.id} />
            <Button type="submit" variant="destructive" size="sm" disabled={removePending}>
              Remove
            </Button>
          </form>
        </div>
        <ActionMessage state={disabledState} />
        <ActionMessage state={removeState} />
      </TableCell>
    </TableRow>
  );
}

function CreateUserForm({ action }: { action: FormAction<UserDto> }) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  return (
    <Card>
      <CardHeader>
        <CardTitle>Add a user</CardTitle>
        <CardDescription>They sign in with this email and password; tell them the password another way.</CardDescription>
      </CardHeader>
      <CardContent>
        {/* A new key after each success empties the form. */}
        <form key={state?.ok ? state.data.id : "new"} action={formAction} aria-label="Add a user" className="grid gap-4 sm:grid-cols-2">
          <Field label="Name" htmlFor="new-name" errors={errors.name}>
            <Input id="new-name" name="name" required defaultValue={failed?.values?.name} aria-invalid={Boolean(errors.name)} />
          </Field>
          <Field label="Email" htmlFor="new-email" errors={errors.email}>
            <Input id="new-email" name="email" type="email" required defaultValue={failed?.values?.email} aria-invalid={Boolean(errors.email)} />
          </Field>
          <Field label="Password" htmlFor="new-password" errors={errors.password}>
            <Input id="new-password" name="password" type="password" autoComplete="new-password" required aria-invalid={Boolean(errors.password)} />
          </Field>
          <Field label="Role" htmlFor="new-role" errors={errors.role}>
            <NativeSelect id="new-role" name="role" defaultValue={failed?.values?.role ?? "viewer"}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <div className="flex items-center gap-3 sm:col-span-2">
            <Button type="submit" disabled={pending}>
              Add user
            </Button>
            {failed && !failed.fieldErrors ? <ActionMessage state={failed} /> : null}
            {state?.ok ? <ActionMessage state={state} success={`Added ${state.data.email}.`} /> : null}
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
