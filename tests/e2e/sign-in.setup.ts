import { expect, test as setup } from "@playwright/test";
import { ADMIN_STATE, E2E_ADMIN } from "../../playwright.config";

// Signs the seeded admin in through the real form once; the other specs start from this session.
setup("the seeded admin signs in", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText(`${E2E_ADMIN.email} · admin`);
  await page.context().storageState({ path: ADMIN_STATE });
});
