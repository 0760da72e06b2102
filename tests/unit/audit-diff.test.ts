import { describe, expect, it } from "vitest";
import { diffAuditValues } from "@/lib/audit/diff";

describe("diffAuditValues", () => {
  it("lists only changed fields, by dotted path, with values as JSON", () => {
    const before = { name: "nightly", paused: false, config: { headers: [{ name: "Accept", value: "a" }] }, maxInstances: 1 };
    const after = { name: "nightly ", paused: true, config: { headers: [{ name: "Accept", value: "a" }] }, maxInstances: "1" };
    expect(diffAuditValues(before, after)).toEqual([
      { path: "name", before: '"nightly"', after: '"nightly "' },
      { path: "paused", before: "false", after: "true" },
      { path: "maxInstances", before: "1", after: '"1"' },
    ]);
  });

  it("shows a creation as fields added and a removal as fields removed (null sides have no fields)", () => {
    expect(diffAuditValues(null, { id: "j1", tags: [] })).toEqual([
      { path: "id", after: '"j1"' },
      { path: "tags", after: "[]" },
    ]);
    expect(diffAuditValues({ role: "admin" }, undefined)).toEqual([{ path: "role", before: '"admin"' }]);
  });

  it("reports array entries added or removed and a value turned into an object", () => {
    expect(diffAuditValues({ tags: ["a"], x: 1 }, { tags: ["a", "b"], x: { y: 1 } })).toEqual([
      { path: "x", before: "1" },
      { path: "tags.1", after: '"b"' },
      { path: "x.y", after: "1" },
    ]);
  });

  it("keeps markup as text: the values are strings, never HTML", () => {
    expect(diffAuditValues(null, { name: "<img src=x onerror=alert(1)>" })).toEqual([{ path: "name", after: '"<img src=x onerror=alert(1)>"' }]);
  });

  it("compares a bare value at the root", () => {
    expect(diffAuditValues(1, 2)).toEqual([{ path: "(value)", before: "1", after: "2" }]);
  });
});
