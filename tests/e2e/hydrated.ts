// Next 16 can drop a click that lands before the page has hydrated: a link's click then neither
// navigates on the client nor follows the href (CI saw the workers page's run link do nothing for
// 15 s), and a button's handler is not attached yet. Playwright waits for an element to be visible
// and stable, not for React. So every page the tests open waits, after each `goto`, until React has
// hydrated everything one can click or type into.
import { test as base, type Page } from "@playwright/test";

/** React keeps a hydrated element's props, its event handlers among them, under a `__reactProps$…` key. */
async function untilHydrated(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll("a, button, input:not([type=hidden]), select, textarea")].every((element) => Object.keys(element).some((key) => key.startsWith("__reactProps$"))),
  );
}

/** The page, whose `goto` resolves once the page it opened is hydrated. */
export function hydratingGoto(page: Page): Page {
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    await untilHydrated(page);
    return response;
  };
  return page;
}

export const test = base.extend({
  page: async ({ page }, provide) => {
    await provide(hydratingGoto(page));
  },
});
