import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security/headers";

const NONCE = "bm9uY2Utb2YtdGhpcy1yZXNwb25zZQ==";

describe("security headers", () => {
  it("in production: scripts only with the response's nonce, never eval, no framing", () => {
    const csp = contentSecurityPolicy({ nonce: NONCE, development: false, https: false });
    expect(csp).toContain(`script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'`);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("under next dev: eval allowed for React's error overlay", () => {
    expect(contentSecurityPolicy({ nonce: NONCE, development: true, https: false })).toMatch(/script-src [^;]*'unsafe-eval'/);
  });

  it("over https: HSTS and upgraded subresources; over plain http neither (it would lock users out)", () => {
    const secure = securityHeaders({ nonce: NONCE, development: false, https: true });
    expect(secure["Strict-Transport-Security"]).toBe("max-age=31536000");
    expect(secure["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    const plain = securityHeaders({ nonce: NONCE, development: false, https: false });
    expect(plain).not.toHaveProperty("Strict-Transport-Security");
    expect(plain).toMatchObject({ "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "same-origin" });
    expect(plain["Permissions-Policy"]).toContain("camera=()");
  });
});
