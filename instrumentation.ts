// Runs once when a Next.js server starts. The alert sweep needs Node (database drivers, SMTP), so the
// edge runtime skips it, and `next build` (which loads the server to collect pages) must not sweep.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startWebAlertSweeper } = await import("./lib/alerts/web-sweeper");
  startWebAlertSweeper();
}
