// The response headers every page and route carries. Scripts run only with this response's nonce
// ('strict-dynamic' lets those load Next's chunks), so markup injected into a page can't run script.
// Styles allow 'unsafe-inline': React writes `style` attributes (Radix positions popovers and
// tooltips with them), and a nonce can't cover an attribute; style injection can't run script.

export type SecurityHeaderOptions = {
  /** Fresh per response: base64 of at least 128 random bits. */
  nonce: string;
  /** `next dev`: React needs eval there to rebuild server error stacks; production builds never do. */
  development: boolean;
  /** Sundial is reached over https (SUNDIAL_PUBLIC_URL): browsers are told to keep to it. */
  https: boolean;
};

export function contentSecurityPolicy({ nonce, development, https }: SecurityHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    // Job and run ids in URLs stay on this site.
    "Referrer-Policy": "same-origin",
    // For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Only this host: Sundial often lives on a subdomain of a domain whose other hosts it can't speak for.
    ...(options.https ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}
