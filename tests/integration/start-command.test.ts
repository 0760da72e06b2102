import { createServer, type Server } from "node:net";
import { describe, expect, it } from "vitest";
import { runNode } from "../support/run-node";

// `npm start` checks its configuration before it builds, migrates or starts anything.
describe("npm start refuses bad configuration with one clear line", () => {
  it("names a malformed DATABASE_URL", async () => {
    const result = await runNode(["scripts/start.mjs"], { DATABASE_URL: "sqlite://data/x.db" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'sundial: Invalid configuration: DATABASE_URL must be a file: URL (SQLite) or a postgresql:// URL, got "sqlite://data/x.db"',
    );
  });

  it("names an unknown timezone", async () => {
    const result = await runNode(["scripts/start.mjs"], { SUNDIAL_TIMEZONE: "Europe/Atlantis" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('sundial: Invalid configuration: SUNDIAL_TIMEZONE is not a known IANA timezone: "Europe/Atlantis"');
  });

  it("names a port that is already taken", async () => {
    const server: Server = createServer();
    const port = await new Promise<number>((resolve) => server.listen(0, () => resolve((server.address() as { port: number }).port)));
    try {
      const result = await runNode(["scripts/start.mjs"], { PORT: String(port) });
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(`sundial: port ${port} is already in use; stop what uses it or set PORT to another port`);
    } finally {
      server.close();
    }
  });
});
