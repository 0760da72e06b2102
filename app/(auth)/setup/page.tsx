import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetupForm } from "@/components/auth/setup-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/lib/db";
import { PASSWORD_MIN_LENGTH } from "@/lib/env";
import { hasAnyUser } from "@/lib/users/read";
import { setupFirstAdmin } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Set up" };

export default async function SetupPage() {
  if (await hasAnyUser(getDb())) redirect("/login");
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h1>Welcome to Sundial</h1>
        </CardTitle>
        <CardDescription>Create the first account. It is an admin: it can add the other users.</CardDescription>
      </CardHeader>
      <CardContent>
        <SetupForm action={setupFirstAdmin} minPasswordLength={PASSWORD_MIN_LENGTH} />
      </CardContent>
    </Card>
  );
}
