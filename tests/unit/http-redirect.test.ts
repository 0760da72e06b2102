import { describe, expect, it } from "vitest";
import { RedirectError, redirectedRequest, type OutgoingRequest } from "@/worker/executors/http-redirect";

const post: OutgoingRequest = {
  url: "https://api.example.com/orders/42/cancel",
  method: "POST",
  headers: { "content-type": "application/json", authorization: "Bearer t", cookie: "a=b", "x-api-key": "k", "x-plain": "p" },
  body: '{"reason":"unpaid"}',
};
const secrets = new Set(["x-api-key"]);

describe("redirectedRequest", () => {
  it("is null for a response that is not a redirect, or a redirect without a Location", () => {
    expect(redirectedRequest(post, 200, "/elsewhere", secrets)).toBeNull();
    expect(redirectedRequest(post, 304, "/elsewhere", secrets)).toBeNull();
    expect(redirectedRequest(post, 302, null, secrets)).toBeNull();
  });

  it("keeps method, body and every header within the origin on 307 and 308", () => {
    for (const status of [307, 308]) {
      expect(redirectedRequest(post, status, "/v2/orders/42/cancel", secrets)).toEqual({ ...post, url: "https://api.example.com/v2/orders/42/cancel" });
    }
  });

  it("turns a POST into a GET without its body on 301, 302 and 303, and any method but HEAD on 303", () => {
    for (const status of [301, 302, 303]) {
      const next = redirectedRequest(post, status, "/done", secrets)!;
      expect(next).toMatchObject({ method: "GET", body: undefined, url: "https://api.example.com/done" });
      expect(next.headers).not.toHaveProperty("content-type");
      expect(next.headers).toHaveProperty("x-api-key", "k");
    }
    expect(redirectedRequest({ ...post, method: "PUT" }, 303, "/done", secrets)).toMatchObject({ method: "GET", body: undefined });
    expect(redirectedRequest({ ...post, method: "PUT" }, 302, "/done", secrets)).toMatchObject({ method: "PUT", body: post.body });
    expect(redirectedRequest({ ...post, method: "HEAD", body: undefined }, 303, "/done", secrets)).toMatchObject({ method: "HEAD" });
  });

  it("drops credentials and the job's secret headers when the redirect leaves the origin (another host, port or scheme)", () => {
    for (const location of ["https://evil.example.net/x", "https://api.example.com:8443/x", "http://api.example.com/x"]) {
      const next = redirectedRequest(post, 307, location, secrets)!;
      expect(Object.keys(next.headers).sort()).toEqual(["content-type", "x-plain"]);
      expect(next.body).toBe(post.body);
    }
  });

  it("refuses a Location that is not a URL or not HTTP (bad input: a file: URL, a javascript: URL, a broken one)", () => {
    expect(() => redirectedRequest(post, 302, "file:///etc/passwd", secrets)).toThrow(new RedirectError("HTTP 302 redirect to a non-HTTP location: file:"));
    expect(() => redirectedRequest(post, 302, "javascript:alert(1)", secrets)).toThrow(RedirectError);
    expect(() => redirectedRequest(post, 301, "http://[::1", secrets)).toThrow("HTTP 301 redirect to an invalid location: http://[::1");
  });
});
