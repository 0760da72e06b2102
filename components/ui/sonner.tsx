"use client";

import { Toaster as Sonner, type ToasterProps } from "sonner";

/** The toasts a mutation shows; themed by the page's CSS variables so it follows dark mode. */
function Toaster(props: ToasterProps) {
  return (
    <Sonner
      className="toaster group"
      theme="system"
      closeButton
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
        } as React.CSSProperties
      }
      {...props}
    />
  );
}

export { Toaster };
