// `npm start` / `npm run dev`: checks the configuration, builds what is missing or stale, applies
// pending migrations, seeds the first admin when SUNDIAL_ADMIN_* ask for it, then runs the dashboard
// and one worker until Ctrl-C (or SIGTERM) stops both.
// Plain Node so it runs before anything is built.
import "dotenv/config";
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { isStale } from "./newest-mtime.mjs";

const dev = process.argv.includes("--dev");
const port = process.env.PORT || "3000";
const bin = (name) => join("node_modules", ".bin", name);

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const BUILD_INPUTS = ["app", "components", "lib", "public", "generated", "next.config.mjs", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

const buildIsStale = () => isStale(join(".next", "BUILD_ID"), BUILD_INPUTS);

run(process.execPath, ["--import", "tsx", "scripts/preflight.ts"]);
if (!existsSync(join("generated", "sqlite")) || !existsSync(join("generated", "pg"))) run("npm", ["run", "--silent", "db:generate"]);
run(process.execPath, ["scripts/migrate.mjs", "deploy"]);
run(process.execPath, ["--import", "tsx", "scripts/seed-admin.ts"]);
if (!dev && buildIsStale()) {
  console.log("sundial: building the dashboard (first start or changed sources)…");
  run(bin("next"), ["build"]);
}

// An idle kept-alive connection is closed by the server after this long (Node's default is 5 s).
// Longer than the 60 s idle timeout of common load balancers and than the pauses between an API
// client's requests, so the client, not the server, lets an idle connection go: a server closing
// it just as the client sends on it resets that request (ECONNRESET, or a proxy's 502).
const KEEP_ALIVE_TIMEOUT_MS = "65000";

const children = [
  spawn(bin("next"), dev ? ["dev", "-p", port] : ["start", "-p", port, "--keepAliveTimeout", KEEP_ALIVE_TIMEOUT_MS], { stdio: "inherit" }),
  dev
    ? spawn(bin("tsx"), ["watch", "worker/index.ts"], { stdio: "inherit" })
    : spawn(process.execPath, ["scripts/worker.mjs"], { stdio: "inherit" }),
];

let stopping = false;
let exitCode = 0;

function stop(signal) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
  setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  }, 15_000).unref();
}

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(signal));

for (const child of children) {
  child.on("exit", (code) => {
    // A child that dies on its own takes the other one down: half a Sundial is worse than none.
    if (!stopping) {
      exitCode = code || 1;
      stop("SIGTERM");
    }
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(exitCode);
  });
}

async function announceWhenReady() {
  const url = `http://localhost:${port}`;
  for (let attempt = 0; attempt < 600 && !stopping; attempt += 1) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) {
        console.log(`\n  Sundial is running at ${url}  (Ctrl-C stops the dashboard and the worker)\n`);
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

announceWhenReady();
