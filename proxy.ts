// Sets the security headers (lib/security/headers.ts) with a fresh script nonce on every response.
// Next reads the nonce from the request's Content-Security-Policy header and puts it on its own
// scripts, which is why pages render per request (app/layout.tsx). Nothing here decides access:
// pages, actions and routes check the caller themselves.
import { NextResponse, type NextRequest } from "next/server";
import { env, isDevelopment } from "@/lib/env";
import { securityHeaders } from "@/lib/security/headers";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders({ nonce, development: isDevelopment(), https: env().SUNDIAL_PUBLIC_URL?.startsWith("https:") ?? false });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Hashed build assets are served as they are; every page, action and API route gets the headers.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
