import { test } from "@playwright/test";

/**
 * Where a screenshot goes: the README's own (`npm run screenshots` sets SCREENSHOTS_DIR to
 * docs/screenshots) are refreshed by the specs that reach those views; every other screenshot, and
 * every screenshot of an ordinary run, stays in test-results.
 */
export function screenshotPath(name: string, { readme = false }: { readme?: boolean } = {}): string {
  const dir = process.env.SCREENSHOTS_DIR;
  return readme && dir ? `${dir}/${name}` : test.info().outputPath(name);
}
