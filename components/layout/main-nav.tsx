"use client";

import { ChevronDown, Menu } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/utils";

export type NavLink = { href: string; label: string };

/** The overview is active only on itself; every other section also on the pages below it. */
function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

function MenuLinks({ links, pathname }: { links: NavLink[]; pathname: string }) {
  return links.map((link) => (
    <DropdownMenuItem key={link.href} asChild>
      <Link href={link.href} aria-current={isActive(pathname, link.href) ? "page" : undefined}>
        {link.label}
      </Link>
    </DropdownMenuItem>
  ));
}

/**
 * The sections inline and the settings pages (as many as the role allows) in one menu on wide
 * screens; everything in one menu on phones, where the links would not fit.
 */
export function MainNav({ links, settings }: { links: NavLink[]; settings: NavLink[] }) {
  const pathname = usePathname();
  const current = [...links, ...settings].find((link) => isActive(pathname, link.href));
  const inSettings = settings.some((link) => isActive(pathname, link.href));
  return (
    <>
      <nav aria-label="Main" className="hidden items-center gap-4 text-sm text-muted-foreground md:flex">
        {links.map((link) => (
          <Link
            key={link.href}
            href={link.href}
            aria-current={isActive(pathname, link.href) ? "page" : undefined}
            className={cn("transition-colors hover:text-foreground", isActive(pathname, link.href) && "font-medium text-foreground")}
          >
            {link.label}
          </Link>
        ))}
        {settings.length > 0 ? (
          <DropdownMenu>
            <DropdownMenuTrigger className={cn("flex items-center gap-1 transition-colors outline-none hover:text-foreground focus-visible:text-foreground", inSettings && "font-medium text-foreground")}>
              Settings
              <ChevronDown aria-hidden className="size-3.5" />
            </DropdownMenuTrigger>
            <DropdownMenuContent align="start">
              <MenuLinks links={settings} pathname={pathname} />
            </DropdownMenuContent>
          </DropdownMenu>
        ) : null}
      </nav>
      <div className="md:hidden">
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="outline" size="sm" aria-label="Open the menu">
              <Menu aria-hidden />
              {current?.label ?? "Menu"}
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="start">
            <MenuLinks links={links} pathname={pathname} />
            {settings.length > 0 ? (
              <>
                <DropdownMenuSeparator />
                <DropdownMenuLabel className="text-xs text-muted-foreground">Settings</DropdownMenuLabel>
                <MenuLinks links={settings} pathname={pathname} />
              </>
            ) : null}
          </DropdownMenuContent>
        </DropdownMenu>
      </div>
    </>
  );
}
