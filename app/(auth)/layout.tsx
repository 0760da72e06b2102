import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 px-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="flex items-center justify-center gap-2 text-lg font-semibold tracking-tight">
          <svg aria-hidden viewBox="0 0 32 32" className="size-7">
            <circle cx="16" cy="16" r="14" className="fill-amber-500" />
            <path d="M16 6v10l7 4" strokeWidth="3" strokeLinecap="round" fill="none" className="stroke-stone-900" />
          </svg>
          Sundial
        </div>
        {children}
      </div>
    </main>
  );
}
