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
import type { ApiTokenDto } from "@/lib/auth/api-tokens";
import type { Role } from "@/lib/auth/roles";
import { ActionMessage } from "./action-message";
import type { FormAction } from "./action-types";

const ROLES: Role[] = ["viewer", "operator", "admin"];

type TokenActions = {
  create: FormAction<{ token: ApiTokenDto; secret: string }>;
  revoke: FormAction<ApiTokenDto>;
};

export function TokensManager({ tokens, maxRole, actions }: { tokens: ApiTokenDto[]; maxRole: Role; actions: TokenActions }) {
  return (
    <div className="space-y-6">
      <CreateTokenForm action={actions.create} roles={ROLES.slice(0, ROLES.indexOf(maxRole) + 1)} />
      <Card>
        <CardHeader>
          <CardTitle>Tokens</CardTitle>
          <CardDescription>{`${tokens.length} ${tokens.length === 1 ? "token" : "tokens"}`}</CardDescription>
        </CardHeader>
        <CardContent>
          <Table aria-label="API tokens">
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Role</TableHead>
                <TableHead>Created</TableHead>
                <TableHead>Expires</TableHead>
                <TableHead>Last used</TableHead>
                <TableHead className="text-right">State</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {tokens.map((token) => (
                <TokenRow key={token.id} token={token} revoke={actions.revoke} />
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}

function TokenRow({ token, revoke }: { token: ApiTokenDto; revoke: TokenActions["revoke"] }) {
  const [state, formAction, pending] = useActionState(revoke, null);
  return (
    <TableRow>
      <TableCell>
        <div className="font-medium">{token.name}</div>
        <div className="font-mono text-xs text-muted-foreground">{token.prefix}…</div>
      </TableCell>
      <TableCell>{token.role}</TableCell>
      <TableCell>
        <Instant value={token.createdAt} />
        {token.createdBy ? <div className="text-xs text-muted-foreground">by {token.createdBy}</div> : null}
      </TableCell>
      <TableCell>{token.expiresAt ? <Instant value={token.expiresAt} /> : "never"}</TableCell>
      <TableCell>{token.lastUsedAt ? <Instant value={token.lastUsedAt} /> : "never"}</TableCell>
      <TableCell className="text-right">
        {token.revokedAt ? (
          <Badge variant="secondary">revoked</Badge>
        ) : (
          <form action={formAction}>
            <input type="hidden" name="tokenId" value={token.id} />
            <Button type="submit" variant="destructive" size="sm" disabled={pending} aria-label={`Revoke ${token.name}`}>
              Revoke
            </Button>
          </form>
        )}
        <ActionMessage state={state} />
      </TableCell>
    </TableRow>
  );
}

function CreateTokenForm({ action, roles }: { action: TokenActions["create"]; roles: Role[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  return (
    <Card>
      <CardHeader>
        <CardTitle>Create a token</CardTitle>
        <CardDescription>Give each client its own, with the lowest role that does its work.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <form key={state?.ok ? state.data.token.id : "new"} action={formAction} aria-label="Create a token" className="grid gap-4 sm:grid-cols-3">
          <Field label="Name" htmlFor="token-name" errors={errors.name}>
            <Input id="token-name" name="name" required placeholder="billing-service" defaultValue={failed?.values?.name} aria-invalid={Boolean(errors.name)} />
          </Field>
          <Field label="Role" htmlFor="token-role" errors={errors.role}>
            <NativeSelect id="token-role" name="role" defaultValue={failed?.values?.role ?? "viewer"}>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field label="Expires after (days)" htmlFor="token-expiry" errors={errors.expiresInDays} hint="Empty: never expires.">
            <Input id="token-expiry" name="expiresInDays" inputMode="numeric" defaultValue={failed?.values?.expiresInDays} aria-invalid={Boolean(errors.expiresInDays)} />
          </Field>
          <div className="flex items-center gap-3 sm:col-span-3">
            <Button type="submit" disabled={pending}>
              Create token
            </Button>
            {failed && !failed.fieldErrors ? <ActionMessage state={failed} /> : null}
          </div>
        </form>
        {state?.ok ? (
          <div role="status" className="space-y-2 rounded-md border border-amber-500/50 bg-amber-500/10 p-4 text-sm">
            <p>
              Token <strong>{state.data.token.name}</strong> created. Copy it now: Sundial keeps only its hash and will not show it
              again.
            </p>
            <Input readOnly value={state.data.secret} aria-label="New token" className="font-mono" onFocus={(event) => event.currentTarget.select()} />
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
