import Link from "next/link";
import { MainNav, type NavLink } from "./main-nav";
import { SignOutButton } from "./sign-out-button";

export type { NavLink };

export function SiteHeader({ links, settings, user }: { links: NavLink[]; settings: NavLink[]; user: { email: string; role: string } }) {
  return (
    <header className="border-b bg-background/95 backdrop-blur supports-[backdrop-filter]:bg-background/60">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 sm:gap-6 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <svg aria-hidden viewBox="0 0 32 32" className="size-6">
            <circle cx="16" cy="16" r="14" className="fill-amber-500" />
            <path d="M16 6v10l7 4" strokeWidth="3" strokeLinecap="round" fill="none" className="stroke-stone-900" />
          </svg>
          Sundial
        </Link>
        <MainNav links={links} settings={settings} />
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span className="hidden truncate text-muted-foreground lg:inline" data-testid="signed-in-as">
            {user.email} · {user.role}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
