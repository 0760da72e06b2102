import { describe, expect, it } from "vitest";
import { deniedRange, parseAllowList, refusalReason, type AllowList } from "@/lib/net/address-policy";

function allowListOf(text: string): AllowList {
  const { allowList, problems } = parseAllowList(text);
  expect(problems).toEqual([]);
  return allowList;
}

const NOTHING_ALLOWED = allowListOf("");

describe("deniedRange", () => {
  it.each([
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["::1", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.255", "carrier-grade NAT"],
    ["169.254.169.254", "cloud metadata"],
    ["fd00:ec2::254", "cloud metadata"],
    ["169.254.1.1", "link-local"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["febf::1", "link-local"],
    ["fc00::1", "unique-local"],
    ["fd12:3456::1", "unique-local"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["ff02::1", "multicast"],
    ["0.1.2.3", "reserved"],
    ["192.0.2.1", "reserved"],
    ["198.18.0.1", "reserved"],
    ["203.0.113.7", "reserved"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "reserved"],
    ["2001:db8::1", "reserved"],
    ["::127.0.0.1", "reserved"],
  ])("%s is %s", (address, reason) => {
    expect(deniedRange(address)).toBe(reason);
  });

  it.each([
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.1.2.3", "private"],
    ["::ffff:169.254.169.254", "cloud metadata"],
    ["::ffff:0.0.0.0", "unspecified"],
    ["64:ff9b::127.0.0.1", "loopback"],
    ["64:ff9b::7f00:1", "loopback"],
    ["64:ff9b::a9fe:a9fe", "cloud metadata"],
    ["64:ff9b::", "unspecified"],
  ])("IPv4-mapped and NAT64 forms count as their IPv4 address: %s is %s", (address, reason) => {
    expect(deniedRange(address)).toBe(reason);
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "169.253.255.255", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"])(
    "%s is public",
    (address) => {
      expect(deniedRange(address)).toBeNull();
    },
  );
});

describe("refusalReason with an allowlist", () => {
  it("refuses every deny range when nothing is allowed", () => {
    expect(refusalReason("127.0.0.1", NOTHING_ALLOWED)).toBe("loopback");
    expect(refusalReason("8.8.8.8", NOTHING_ALLOWED)).toBeNull();
  });

  it("an allowed IP address opens that address only, in its mapped form too", () => {
    const allowList = allowListOf("127.0.0.1");
    expect(refusalReason("127.0.0.1", allowList)).toBeNull();
    expect(refusalReason("::ffff:127.0.0.1", allowList)).toBeNull();
    expect(refusalReason("127.0.0.2", allowList)).toBe("loopback");
    expect(refusalReason("::1", allowList)).toBe("loopback");
  });

  it("an allowed CIDR range opens the range and nothing beside it", () => {
    const allowList = allowListOf("10.20.0.0/16, fd00::/8");
    expect(refusalReason("10.20.3.4", allowList)).toBeNull();
    expect(refusalReason("::ffff:10.20.3.4", allowList)).toBeNull();
    expect(refusalReason("fd00::5", allowList)).toBeNull();
    expect(refusalReason("10.21.0.1", allowList)).toBe("private");
    expect(refusalReason("fc00::5", allowList)).toBe("unique-local");
  });

  it("an allowed IPv6 address (::1/128) opens IPv6 loopback, not IPv4 loopback", () => {
    const allowList = allowListOf("::1/128");
    expect(refusalReason("::1", allowList)).toBeNull();
    expect(refusalReason("127.0.0.1", allowList)).toBe("loopback");
  });

  it("an allowed IPv4 address also opens its NAT64 form", () => {
    expect(refusalReason("64:ff9b::7f00:1", allowListOf("127.0.0.1"))).toBeNull();
  });

  it("an allowed hostname opens whatever that name resolves to, matched exactly and without case", () => {
    const allowList = allowListOf("Billing.Internal.");
    expect(refusalReason("10.0.0.5", allowList, "billing.internal")).toBeNull();
    expect(refusalReason("10.0.0.5", allowList, "BILLING.internal.")).toBeNull();
    expect(refusalReason("10.0.0.5", allowList, "evil.billing.internal")).toBe("private");
    expect(refusalReason("10.0.0.5", allowList, "other.internal")).toBe("private");
    expect(refusalReason("10.0.0.5", allowList)).toBe("private");
  });

  it("0.0.0.0/0,::/0 allows everything", () => {
    const allowList = allowListOf("0.0.0.0/0,::/0");
    for (const address of ["127.0.0.1", "::1", "169.254.169.254", "::ffff:10.0.0.1", "fe80::1", "0.0.0.0"]) {
      expect(refusalReason(address, allowList)).toBeNull();
    }
  });
});

describe("parseAllowList", () => {
  it("ignores blanks and empty entries", () => {
    expect(parseAllowList(" , 127.0.0.1 ,, ").problems).toEqual([]);
    expect(refusalReason("127.0.0.1", parseAllowList(" , 127.0.0.1 ,, ").allowList)).toBeNull();
  });

  it("names each malformed entry and why", () => {
    const { problems } = parseAllowList("10.0.0.0/33, ::1/129, 10.0.0.0/x, 10/8, a/b/c, http://x.test, x.test:8080, [::1], *.x.test, 300.1.1.1, 0x7f000001, 10.0.0, example.com");
    const range = "not a CIDR range (an IP address, a slash and a prefix length, e.g. 10.0.0.0/8)";
    const host = "not a hostname, an IP address or a CIDR range (no schemes, ports, brackets or wildcards)";
    const ip = "not a valid IP address (write IPv4 as four decimal numbers, e.g. 10.0.0.1)";
    expect(problems).toEqual([
      { entry: "10.0.0.0/33", why: "the prefix length must be a whole number from 0 to 32" },
      { entry: "::1/129", why: "the prefix length must be a whole number from 0 to 128" },
      { entry: "10.0.0.0/x", why: "the prefix length must be a whole number from 0 to 32" },
      { entry: "10/8", why: range },
      { entry: "a/b/c", why: range },
      { entry: "http://x.test", why: range },
      { entry: "x.test:8080", why: host },
      { entry: "[::1]", why: host },
      { entry: "*.x.test", why: host },
      { entry: "300.1.1.1", why: ip },
      { entry: "0x7f000001", why: ip },
      { entry: "10.0.0", why: ip },
    ]);
  });

  it("keeps the good entries beside bad ones", () => {
    const { allowList, problems } = parseAllowList("10.0.0.0/33, 127.0.0.1");
    expect(problems).toHaveLength(1);
    expect(refusalReason("127.0.0.1", allowList)).toBeNull();
  });
});
