import type { ReactNode } from "react";
import { SiteHeader, type NavLink } from "@/components/layout/site-header";
import { can } from "@/lib/auth/roles";
import { requireSession } from "@/lib/web/session";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // The layout's check shapes the header; each page still checks its own permission, since a
  // layout is not re-rendered on every navigation and is no guard on its own.
  const caller = await requireSession();
  const links: NavLink[] = [
    { href: "/", label: "Overview" },
    { href: "/jobs", label: "Jobs" },
    { href: "/runs", label: "Runs" },
    { href: "/workers", label: "Workers" },
    { href: "/api-docs", label: "API" },
  ];
  const settings: NavLink[] = [];
  if (can(caller.role, "alerts:manage")) settings.push({ href: "/settings/alerts", label: "Alerts" });
  if (can(caller.role, "jobs:write")) settings.push({ href: "/settings/backup", label: "Backup" });
  if (can(caller.role, "users:manage")) settings.push({ href: "/settings/users", label: "Users" });
  if (can(caller.role, "tokens:manage")) settings.push({ href: "/settings/tokens", label: "API tokens" });
  if (can(caller.role, "audit:read")) settings.push({ href: "/settings/audit", label: "Audit log" });
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader links={links} settings={settings} user={{ email: caller.user.email, role: caller.role }} />
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
