import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b bg-background/95 backdrop-blur supports-[backdrop-filter]:bg-background/60">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-6 px-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <svg aria-hidden viewBox="0 0 32 32" className="size-6">
            <circle cx="16" cy="16" r="14" className="fill-amber-500" />
            <path d="M16 6v10l7 4" strokeWidth="3" strokeLinecap="round" fill="none" className="stroke-stone-900" />
          </svg>
          Sundial
        </Link>
        <nav aria-label="Main" className="flex items-center gap-4 text-sm text-muted-foreground">
          <Link href="/" className="text-foreground transition-colors hover:text-foreground">
            Overview
          </Link>
        </nav>
      </div>
    </header>
  );
}
