// Precise messages for cron expressions ("minute: 75 is outside 0–59"). This only explains what is
// wrong; whether an expression is valid is decided by croner, the engine that schedules it
// (see cron.ts), so a message here can never make a valid expression invalid or the reverse.

export const CRON_NICKNAMES = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"] as const;

type Field = { name: string; min: number; max: number; names?: readonly string[]; nameBase?: number; special?: RegExp };

const MONTH_NAMES = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"] as const;
const DAY_NAMES = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] as const;

const SECOND: Field = { name: "second", min: 0, max: 59 };
const MINUTE: Field = { name: "minute", min: 0, max: 59 };
const HOUR: Field = { name: "hour", min: 0, max: 23 };
// Quartz extensions the engine supports: L (last day), nW (nearest weekday), LW.
const DAY_OF_MONTH: Field = { name: "day-of-month", min: 1, max: 31, special: /^(L|LW|\d{1,2}W|L-\d{1,2})$/i };
const MONTH: Field = { name: "month", min: 1, max: 12, names: MONTH_NAMES, nameBase: 1 };
// n#k (k-th weekday of the month), n#L / nL (last weekday of the month), a leading + (AND with day-of-month).
const DAY_OF_WEEK: Field = { name: "day-of-week", min: 0, max: 7, names: DAY_NAMES, nameBase: 0, special: /^([0-7]|[A-Z]{3})(#[1-5]|#L|L)$/i };

const ALLOWED = (field: Field) =>
  `${field.min}–${field.max}${field.names ? ` or ${field.names[0]}–${field.names[field.names.length - 1]}` : ""}`;

function valueProblem(field: Field, token: string): { value?: number; problem?: string } {
  if (/^\d+$/.test(token)) {
    const value = Number(token);
    if (value < field.min || value > field.max) return { problem: `${field.name}: ${value} is outside ${field.min}–${field.max}` };
    return { value };
  }
  if (field.names) {
    const index = field.names.indexOf(token.toUpperCase() as never);
    if (index >= 0) return { value: index + field.nameBase! };
    if (/^[a-z]+$/i.test(token)) return { problem: `${field.name}: unknown name "${token}" (use ${ALLOWED(field)})` };
  }
  return { problem: `${field.name}: "${token}" is not a number${field.names ? " or a name" : ""} (allowed: ${ALLOWED(field)})` };
}

function partProblems(field: Field, part: string): string[] {
  if (part === "") return [`${field.name}: empty item in a list (check the commas)`];
  if (field.special?.test(part)) return [];
  const [range, step, extra] = part.split("/");
  if (extra !== undefined) return [`${field.name}: "${part}" has more than one "/"`];
  const problems: string[] = [];
  if (step !== undefined) {
    if (!/^\d+$/.test(step)) problems.push(`${field.name}: step "${step}" in "${part}" is not a whole number`);
    else if (Number(step) === 0) problems.push(`${field.name}: step 0 in "${part}" must be at least 1`);
    if (range !== "*" && range !== "?" && !range!.includes("-")) {
      problems.push(`${field.name}: a step needs * or a range before it, e.g. */${step} or ${range}-${field.max}/${step} (got "${part}")`);
    }
  }
  if (range === "*" || range === "?") return problems;
  const bounds = range!.split("-");
  if (bounds.length > 2) return [...problems, `${field.name}: "${range}" is not a range (use a-b)`];
  const values = bounds.map((bound) => valueProblem(field, bound));
  for (const v of values) if (v.problem) problems.push(v.problem);
  if (values.length === 2 && values[0]!.value !== undefined && values[1]!.value !== undefined && values[0]!.value > values[1]!.value) {
    problems.push(`${field.name}: range ${range} goes backwards (${bounds[0]} is after ${bounds[1]})`);
  }
  return problems;
}

/** Readable problems with a cron expression; empty when this checker sees nothing wrong. */
export function cronExpressionProblems(expression: string): string[] {
  const text = expression.trim();
  if (text.startsWith("@")) {
    return (CRON_NICKNAMES as readonly string[]).includes(text.toLowerCase())
      ? []
      : [`unknown nickname "${text}" (use ${CRON_NICKNAMES.join(", ")})`];
  }
  const parts = text.split(/\s+/);
  if (parts.length !== 5 && parts.length !== 6) {
    return [
      `expected 5 fields (minute hour day-of-month month day-of-week), or 6 with seconds first; got ${parts.length}`,
    ];
  }
  const fields = parts.length === 6 ? [SECOND, MINUTE, HOUR, DAY_OF_MONTH, MONTH, DAY_OF_WEEK] : [MINUTE, HOUR, DAY_OF_MONTH, MONTH, DAY_OF_WEEK];
  return parts.flatMap((part, i) => {
    const field = fields[i]!;
    const body = field === DAY_OF_WEEK && part.startsWith("+") ? part.slice(1) : part;
    return body.split(",").flatMap((item) => partProblems(field, item));
  });
}
