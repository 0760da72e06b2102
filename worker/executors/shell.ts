// Shell-command jobs: a program and its argument list, started without a shell, so nothing in a
// payload or an argument is ever interpreted. The program runs in its own process group; on timeout
// or shutdown the whole group gets SIGTERM, then SIGKILL. Only registered when SUNDIAL_ALLOW_SHELL=1.
import { spawn } from "node:child_process";
import { shellBaseEnv } from "@/lib/env";
import { openSecret } from "@/lib/secrets/seal";
import { ShellJobConfig, readConfig } from "@/lib/validation/job-config";
import type { Executor, LogStream } from "./types";

const KILL_AFTER_MS = 5_000;
const OUTPUT_TAIL_CHARS = 4_000;

/** Splits a stream into lines for the run's log, holding back a partial last line until it ends. */
function lineSplitter(emit: (line: string) => void) {
  let pending = "";
  return {
    write(chunk: string) {
      const parts = (pending + chunk).split(/\r?\n/);
      pending = parts.pop() ?? "";
      for (const line of parts) emit(line);
    },
    end() {
      if (pending) emit(pending);
      pending = "";
    },
  };
}

export const runShell: Executor = async (rawConfig, context) => {
  const read = readConfig(ShellJobConfig, rawConfig);
  if (!read.ok) return { status: "failed", errorMessage: `invalid shell job configuration: ${read.problem}` };
  const config = read.config;
  const env: Record<string, string> = {
    ...shellBaseEnv(),
    ...Object.fromEntries(config.env.map((variable) => [variable.name, variable.secret ? openSecret(variable.value, `variable ${variable.name}`) : variable.value])),
    SUNDIAL_RUN_ID: context.runId,
    SUNDIAL_JOB_ID: context.jobId,
    SUNDIAL_SCHEDULED_FOR: context.scheduledFor.toISOString(),
    SUNDIAL_ATTEMPT: String(context.attempt),
  };
  // A payload reaches the program as data in its environment, never as part of a command line.
  if (context.payload !== null && context.payload !== undefined) env.SUNDIAL_PAYLOAD = JSON.stringify(context.payload);

  await context.due();
  return new Promise((resolve, reject) => {
    context.log("system", `$ ${[config.program, ...config.args].map((a) => JSON.stringify(a)).join(" ")}`);
    // (Next.js types ProcessEnv with a required NODE_ENV; a job's environment has none.)
    const child = spawn(config.program, config.args, { cwd: config.cwd, env: env as NodeJS.ProcessEnv, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let tail = "";
    const streams: Record<Exclude<LogStream, "system">, ReturnType<typeof lineSplitter>> = {
      stdout: lineSplitter((line) => context.log("stdout", line)),
      stderr: lineSplitter((line) => context.log("stderr", line)),
    };
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      streams.stdout.write(chunk);
      tail = (tail + chunk).slice(-OUTPUT_TAIL_CHARS);
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => streams.stderr.write(chunk));

    let killTimer: ReturnType<typeof setTimeout> | undefined;
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // The group is already gone.
      }
    };
    const onAbort = () => {
      context.log("system", "stopping the process group (SIGTERM)");
      killGroup("SIGTERM");
      killTimer = setTimeout(() => {
        context.log("system", `still running after ${KILL_AFTER_MS / 1000} s: SIGKILL`);
        killGroup("SIGKILL");
      }, KILL_AFTER_MS);
    };
    context.signal.addEventListener("abort", onAbort, { once: true });

    child.on("error", (error) => {
      context.signal.removeEventListener("abort", onAbort);
      reject(new Error(`cannot start ${config.program}: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      context.signal.removeEventListener("abort", onAbort);
      clearTimeout(killTimer);
      streams.stdout.end();
      streams.stderr.end();
      const outputSummary = tail.trimEnd();
      if (code === 0) return resolve({ status: "succeeded", exitCode: 0, outputSummary });
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      context.log("system", `the program ${how}`);
      resolve({ status: "failed", exitCode: code ?? undefined, outputSummary, errorMessage: `${config.program} ${how}` });
    });
  });
};
