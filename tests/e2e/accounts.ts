import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { hydratingGoto } from "./hydrated";

/** Signs in through the login page in a browser context of its own (the caller closes it). */
export async function signedInAs(browser: Browser, account: { email: string; password: string }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = hydratingGoto(await context.newPage());
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  return { context, page };
}
