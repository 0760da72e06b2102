// A strict reader of Prometheus' text exposition format (version 0.0.4), so tests check that a
// scrape parses as Prometheus would parse it, not just that it contains some substring.
const NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
const PAIR = `[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"`;
const LABEL = new RegExp(`([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\\\\n]|\\\\[\\\\"n])*)"`, "g");
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(${PAIR}(?:,${PAIR})*,?)?\\})? (\\S+)(?: -?\\d+)?$`);
const VALUE = /^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|NaN|[+-]Inf)$/;
const TYPES = new Set(["counter", "gauge", "histogram", "summary", "untyped"]);

export type Scrape = { types: Map<string, string>; samples: Map<string, number> };

function unescape(value: string): string {
  return value.replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c));
}

/** The series key tests look up: name{a="x",b="y"} with labels sorted, or the bare name. */
export function seriesKey(name: string, labels: Record<string, string> = {}): string {
  const entries = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  return entries.length ? `${name}{${entries.map(([k, v]) => `${k}="${v}"`).join(",")}}` : name;
}

export function parsePrometheusText(text: string): Scrape {
  if (!text.endsWith("\n")) throw new Error("the exposition must end with a newline");
  const types = new Map<string, string>();
  const samples = new Map<string, number>();
  text.slice(0, -1).split("\n").forEach((line, index) => {
    const where = `line ${index + 1} ("${line}")`;
    if (line === "") return;
    if (line.startsWith("#")) {
      const meta = new RegExp(`^# (HELP|TYPE) (${NAME}) (.*)$`).exec(line);
      if (!meta) throw new Error(`${where}: a comment that is neither HELP nor TYPE`);
      if (meta[1] === "TYPE") {
        if (!TYPES.has(meta[3]!)) throw new Error(`${where}: unknown type`);
        if (types.has(meta[2]!)) throw new Error(`${where}: a second TYPE for ${meta[2]}`);
        types.set(meta[2]!, meta[3]!);
      }
      return;
    }
    const sample = SAMPLE.exec(line);
    if (!sample) throw new Error(`${where}: not a sample`);
    const [, name, labelText = "", value] = sample;
    if (!VALUE.test(value!)) throw new Error(`${where}: not a number`);
    if (!types.has(name!)) throw new Error(`${where}: a sample of ${name} before its TYPE`);
    const labels: Record<string, string> = {};
    for (const match of labelText.matchAll(LABEL)) {
      if (match[1]! in labels) throw new Error(`${where}: label ${match[1]} twice`);
      labels[match[1]!] = unescape(match[2]!);
    }
    const key = seriesKey(name!, labels);
    if (samples.has(key)) throw new Error(`${where}: series ${key} twice`);
    samples.set(key, Number(value!.replace("Inf", "Infinity")));
  });
  return { types, samples };
}
