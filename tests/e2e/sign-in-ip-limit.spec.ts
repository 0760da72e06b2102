// better-auth's per-IP limit on sign-ins, tested last of all (its own Playwright project): spending
// 127.0.0.1's allowance refuses every sign-in from this machine until a minute passes without one,
// and a spec after it that signs someone in would fail for it.
import { expect } from "@playwright/test";
import { test } from "./hydrated";

test.use({ storageState: { cookies: [], origins: [] } });

test("one IP gets at most 20 sign-in attempts a minute, whatever addresses it tries", async ({ request }) => {
  const statuses: number[] = [];
  for (let i = 0; i < 21 && !statuses.includes(429); i += 1) {
    const response = await request.post("/api/auth/sign-in/email", { data: { email: `spray-${i}@sundial.test`, password: "wrong password here" } });
    statuses.push(response.status());
    if (response.status() === 429) expect((await response.json()).message).toBe("Too many requests. Please try again later.");
  }
  expect(statuses.at(-1)).toBe(429);
  expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true);
});
