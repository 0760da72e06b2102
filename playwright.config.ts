import { defineConfig } from "@playwright/test";

const PORT = 3100;
export const E2E_DATABASE_URL = "file:./data/e2e/sundial.db";

// The app is started the way `npm start` starts it (preflight, migrations, build if stale, the
// dashboard and one worker), on a fresh SQLite file of its own.
export default defineConfig({
  testDir: "tests/e2e",
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    command: "node -e \"require('fs').rmSync('data/e2e',{recursive:true,force:true})\" && node scripts/start.mjs",
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      DATABASE_URL: E2E_DATABASE_URL,
      WORKER_HEARTBEAT_SECONDS: "1",
      WORKER_OFFLINE_AFTER_SECONDS: "5",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
    },
  },
});
