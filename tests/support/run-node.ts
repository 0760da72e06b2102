import { spawn } from "node:child_process";

export type ProcessResult = { code: number | null; stdout: string; stderr: string };

const ROOT = new URL("../../", import.meta.url).pathname;

/** Runs a Node script of the project (TypeScript through tsx) to completion and collects its output. */
export function runNode(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 120_000): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** `node scripts/migrate.mjs <args>` against a database URL. */
export function migrate(args: string[], databaseUrl: string): Promise<ProcessResult> {
  return runNode(["scripts/migrate.mjs", ...args], { DATABASE_URL: databaseUrl });
}

export { ROOT };
