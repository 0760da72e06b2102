import { defineConfig } from "@playwright/test";

// Separate checkouts (git worktrees) on one machine each pick their own port.
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATABASE_URL = "file:./data/e2e/sundial.db";
/** Seeded by the server's SUNDIAL_ADMIN_* settings; the sign-in project saves its session for the specs. */
export const E2E_ADMIN = { email: "admin@sundial.test", password: "e2e admin password" };
export const ADMIN_STATE = "data/e2e/admin-state.json";

// The app is started the way `npm start` starts it (preflight, migrations, build if stale, the
// dashboard and one worker), on a fresh SQLite file of its own.
export default defineConfig({
  testDir: "tests/e2e",
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  projects: [
    { name: "sign-in", testMatch: /sign-in\.setup\.ts$/ },
    // The overview spec looks at the app as a new install sees it (one worker, the built-in job, then
    // one failing job), so it runs before the specs that fill the database with theirs.
    { name: "overview", dependencies: ["sign-in"], testMatch: /overview\.spec\.ts$/, use: { storageState: ADMIN_STATE } },
    { name: "e2e", dependencies: ["overview"], testIgnore: /(overview|sign-in-ip-limit)\.spec\.ts$/, use: { storageState: ADMIN_STATE } },
    // Spends this machine's sign-in allowance for a minute, so it comes after every spec that signs in.
    { name: "sign-in-ip-limit", dependencies: ["e2e"], testMatch: /sign-in-ip-limit\.spec\.ts$/ },
  ],
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
      SUNDIAL_ADMIN_EMAIL: E2E_ADMIN.email,
      SUNDIAL_ADMIN_PASSWORD: E2E_ADMIN.password,
      // The worker's HTTP jobs may call receivers on this machine, which it refuses by default.
      SUNDIAL_HTTP_ALLOW_HOSTS: "127.0.0.1",
    },
  },
});
