// Checks what `npm start` needs before anything is built or started, and stops with one line that
// names the problem: a bad setting, or a port already taken.
import "dotenv/config";
import { createServer } from "node:net";
import { ConfigError, env } from "@/lib/env";

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

try {
  const config = env();
  if (!(await portIsFree(config.PORT))) {
    console.error(`sundial: port ${config.PORT} is already in use; stop what uses it or set PORT to another port`);
    process.exit(1);
  }
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`sundial: ${error.message}`);
  process.exit(1);
}
