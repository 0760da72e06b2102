"use client";

import { Menu } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/utils";

export type NavLink = { href: string; label: string };

/** The overview is active only on itself; every other section also on the pages below it. */
function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** Inline links on wide screens; one menu button on phones, where the links would not fit. */
export function MainNav({ links }: { links: NavLink[] }) {
  const pathname = usePathname();
  const current = links.find((link) => isActive(pathname, link.href));
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
            {links.map((link) => (
              <DropdownMenuItem key={link.href} asChild>
                <Link href={link.href} aria-current={isActive(pathname, link.href) ? "page" : undefined}>
                  {link.label}
                </Link>
              </DropdownMenuItem>
            ))}
          </DropdownMenuContent>
        </DropdownMenu>
      </div>
    </>
  );
}
