// Writes the Sundial peer files with absolute paths into a directory and prints its path: the
// harness (../shared/peer-bench) runs peer commands from its own directory, wherever its copy is,
// so sundial-*.json name the repository, scratch folder and PostgreSQL server as {repo}, {scratch}
// and {pg_url}, filled in here.
//
//   dir=$(node bench/peer/peer-files.mjs [--out DIR])
//   node run-scenario.mjs --peer-file "$dir/sundial-sqlite.json" --http --scenario A --n 100
//
// {scratch} is the harness's BENCH_SCRATCH (default $TMPDIR/bench-scratch); {pg_url} its PG_URL
// (default postgres://postgres@127.0.0.1:5432).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PEERS = ["sundial-sqlite.json", "sundial-pg.json"];

const { values } = parseArgs({ options: { out: { type: "string" } } });
const out = values.out ?? mkdtempSync(path.join(os.tmpdir(), "sundial-peers-"));
const vars = {
  repo: path.resolve(HERE, "../.."),
  scratch: process.env.BENCH_SCRATCH ?? path.join(os.tmpdir(), "bench-scratch"),
  pg_url: (process.env.PG_URL ?? "postgres://postgres@127.0.0.1:5432").replace(/\/+$/, ""),
};

mkdirSync(out, { recursive: true });
mkdirSync(vars.scratch, { recursive: true });
for (const file of PEERS) {
  const peer = JSON.parse(readFileSync(path.join(HERE, file), "utf8"));
  for (const key of ["setup", "worker"]) peer[key] = peer[key].map((arg) => arg.replace(/\{(repo|scratch|pg_url)\}/g, (_, name) => vars[name]));
  writeFileSync(path.join(out, file), `${JSON.stringify(peer, null, 2)}\n`);
}
console.log(out);
