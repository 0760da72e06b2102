// A small benchmark harness for shared, noisy machines: contenders are interleaved (rotating order,
// several rounds) so that a burst of load from a neighbour hits all of them, and each contender is
// summarised by its median. Results are only compared as ratios within one run. No assertions.
import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Relative spread of samples: interquartile range / median (linear interpolation), a noise indicator. */
export function spread(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => {
    const x = q * (sorted.length - 1);
    const lo = Math.floor(x);
    return sorted[lo]! + (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!) * (x - lo);
  };
  return (at(0.75) - at(0.25)) / median(values);
}

/** Calls fn(0), fn(1), … for about `ms` milliseconds; returns operations per second. */
export function runFor(fn: (i: number) => unknown, ms: number): number {
  const start = performance.now();
  let ops = 0;
  let now = start;
  const deadline = start + ms;
  while (now < deadline) {
    // Check the clock every 8 calls: the calls measured here take microseconds.
    for (let k = 0; k < 8; k += 1) fn(ops++);
    now = performance.now();
  }
  return (ops * 1000) / (now - start);
}

/** The order of contenders in round r: rotated, so none is always first (or always after the same one). */
function rotation<T>(items: readonly T[], round: number): T[] {
  const shift = round % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

export type Throughput = { name: string; fn: (i: number) => unknown };

/** Interleaved throughput: `rounds` rounds, each running every contender for `batchMs`. Samples in ops/s. */
export function interleaveThroughput(contenders: readonly Throughput[], rounds: number, batchMs: number): Map<string, number[]> {
  const samples = new Map(contenders.map((c) => [c.name, [] as number[]]));
  for (let round = 0; round < rounds; round += 1) {
    for (const contender of rotation(contenders, round)) samples.get(contender.name)!.push(runFor(contender.fn, batchMs));
  }
  return samples;
}

export type ChunkRunner<J> = { name: string; run: (jobs: readonly J[], offset: number) => void };

/**
 * Interleaved batch timing: the jobs are cut into chunks; every contender processes chunk 1 (in
 * rotating order), then chunk 2, and so on. Each contender processes every job exactly once, so the
 * sum of its chunk times is its time for all the jobs. Samples in ms per chunk.
 */
export function interleaveChunks<J>(jobs: readonly J[], chunkSize: number, contenders: readonly ChunkRunner<J>[]): Map<string, number[]> {
  const samples = new Map(contenders.map((c) => [c.name, [] as number[]]));
  for (let offset = 0, chunk = 0; offset < jobs.length; offset += chunkSize, chunk += 1) {
    const slice = jobs.slice(offset, offset + chunkSize);
    for (const contender of rotation(contenders, chunk)) {
      const start = performance.now();
      contender.run(slice, offset);
      samples.get(contender.name)!.push(performance.now() - start);
    }
  }
  return samples;
}

export function machine(): { node: string; nproc: string; cpu: string; os: string } {
  let nproc = String(os.availableParallelism());
  try {
    nproc = execSync("nproc", { encoding: "utf8" }).trim();
  } catch {
    // nproc is missing on some systems: availableParallelism() is the same figure.
  }
  let cpu = os.cpus()[0]?.model ?? "unknown";
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpu;
  } catch {
    // Not Linux: keep os.cpus()'s model.
  }
  return { node: process.version, nproc, cpu, os: `${os.type()} ${os.release()} ${os.arch()}` };
}

export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>, align?: readonly ("l" | "r")[]): string {
  const rule = header.map((_, i) => ((align?.[i] ?? (i === 0 ? "l" : "r")) === "r" ? "---:" : ":---"));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

export const fmt = {
  ops: (n: number) => Math.round(n).toLocaleString("en-US"),
  us: (n: number) => n.toFixed(1),
  ms: (n: number) => Math.round(n).toLocaleString("en-US"),
  ratio: (n: number) => `${n.toFixed(2)}×`,
  pct: (n: number) => `${Math.round(n * 100)}%`,
};
