// What an audit event changed, field by field: before and after flattened to dotted paths
// ("config.headers.0.name"), so a change deep in a job's config reads as one line, and values
// written as JSON, so "5" and 5, or a trailing space, stay visible.

export type AuditChange = {
  path: string;
  /** Absent when the field was added. */
  before?: string;
  /** Absent when the field was removed. */
  after?: string;
};

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === "object" && value !== null;
}

function flatten(value: unknown, path: string, into: Map<string, string>): void {
  if (isContainer(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) flatten(child, path ? `${path}.${key}` : key, into);
    return;
  }
  into.set(path || "(value)", JSON.stringify(value) ?? "undefined");
}

/** A side that is null or missing (a creation has no before, a removal no after) has no fields. */
function fieldsOf(value: unknown): Map<string, string> {
  const fields = new Map<string, string>();
  if (value !== null && value !== undefined) flatten(value, "", fields);
  return fields;
}

/** The fields that differ, in the order they first appear (before's fields, then new ones). */
export function diffAuditValues(before: unknown, after: unknown): AuditChange[] {
  const old = fieldsOf(before);
  const next = fieldsOf(after);
  const changes: AuditChange[] = [];
  for (const path of new Set([...old.keys(), ...next.keys()])) {
    const was = old.get(path);
    const is = next.get(path);
    if (was === is) continue;
    changes.push({ path, ...(was === undefined ? {} : { before: was }), ...(is === undefined ? {} : { after: is }) });
  }
  return changes;
}
