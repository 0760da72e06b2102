// Which addresses the worker may connect to on a job's behalf. By default none on the worker's own
// machine or the networks around it (loopback, private ranges, cloud metadata, ...): whoever can
// create a job could otherwise use the worker to reach services that trust it for being inside.
// SUNDIAL_HTTP_ALLOW_HOSTS opens chosen hostnames, addresses and ranges.
import { BlockList, isIP } from "node:net";

export type DenyReason =
  | "unspecified"
  | "loopback"
  | "private"
  | "carrier-grade NAT"
  | "cloud metadata"
  | "link-local"
  | "unique-local"
  | "multicast"
  | "reserved";

// Checked in this order, so the more specific reason wins (169.254.169.254 is "cloud metadata",
// not "link-local"; :: is "unspecified", not "reserved"). IPv4-mapped IPv6 addresses
// (::ffff:127.0.0.1) match the IPv4 ranges: BlockList compares them as their IPv4 address.
const DENIED_RANGES: [DenyReason, string[]][] = [
  ["unspecified", ["0.0.0.0/32", "::/128"]],
  ["loopback", ["127.0.0.0/8", "::1/128"]],
  ["private", ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]],
  ["carrier-grade NAT", ["100.64.0.0/10"]],
  ["cloud metadata", ["169.254.169.254/32", "fd00:ec2::254/128"]],
  ["link-local", ["169.254.0.0/16", "fe80::/10"]],
  ["unique-local", ["fc00::/7"]],
  ["multicast", ["224.0.0.0/4", "ff00::/8"]],
  [
    "reserved",
    [
      // "This network", IETF protocol assignments, documentation, benchmarking, the old 6to4 relay,
      // class E and broadcast.
      ...["0.0.0.0/8", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4"],
      // IPv4-compatible (deprecated), discard-only, documentation, site-local (deprecated).
      ...["::/96", "100::/64", "2001:db8::/32", "fec0::/10"],
    ],
  ],
];

const familyOf = (address: string) => (isIP(address) === 4 ? "ipv4" : "ipv6");

function blockListOf(ranges: string[]): BlockList {
  const list = new BlockList();
  for (const range of ranges) {
    const [network = "", prefix] = range.split("/");
    list.addSubnet(network, Number(prefix), familyOf(network));
  }
  return list;
}

const DENY_LISTS = DENIED_RANGES.map(([reason, ranges]) => [reason, blockListOf(ranges)] as const);

const NAT64 = blockListOf(["64:ff9b::/96"]);

const withoutZone = (address: string) => address.replace(/%.*$/, "");

/** The eight 16-bit words of a valid IPv6 address, "::" and a trailing dotted quad expanded. */
function ipv6Words(address: string): number[] {
  const words = (part: string | undefined) =>
    (part ? part.split(":") : []).flatMap((word) => {
      if (!word.includes(".")) return [parseInt(word, 16)];
      const ipv4 = word.split(".").reduce((value, byte) => value * 256 + Number(byte), 0);
      return [Math.floor(ipv4 / 0x10000), ipv4 % 0x10000];
    });
  const [head, tail] = address.split("::");
  const before = words(head);
  const after = words(tail);
  return [...before, ...Array<number>(8 - before.length - after.length).fill(0), ...after];
}

/**
 * The address a connection really reaches: without an IPv6 zone (fe80::1%eth0, which BlockList
 * would not match), and for a NAT64 address (64:ff9b::7f00:1) the IPv4 address it translates to.
 */
function effectiveAddress(address: string): string {
  const bare = withoutZone(address);
  if (isIP(bare) !== 6 || !NAT64.check(bare, "ipv6")) return bare;
  const [high = 0, low = 0] = ipv6Words(bare).slice(6);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

/** The deny range `address` falls in, or null for an ordinary public address. */
export function deniedRange(address: string): DenyReason | null {
  const effective = effectiveAddress(address);
  const family = familyOf(effective);
  return DENY_LISTS.find(([, list]) => list.check(effective, family))?.[0] ?? null;
}

export type AllowList = { readonly hostnames: ReadonlySet<string>; readonly ranges: BlockList };

export type AllowListProblem = { entry: string; why: string };

const normalizeHostname = (hostname: string) => hostname.toLowerCase().replace(/\.$/, "");

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/;
// A URL's host ending in a number is read as an IPv4 address (10.0.0, 0x7f000001, 300.1.1.1): as
// an entry it would never match a hostname, so it is reported instead.
const LAST_LABEL_NUMERIC = /(^|\.)(\d+|0x[0-9a-f]*)$/;

const NOT_A_RANGE = "not a CIDR range (an IP address, a slash and a prefix length, e.g. 10.0.0.0/8)";

function rangeProblem(network: string, prefix: string): string | null {
  const family = isIP(network);
  if (!family) return NOT_A_RANGE;
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) return `the prefix length must be a whole number from 0 to ${max}`;
  return null;
}

function hostProblem(host: string): string | null {
  if (isIP(host)) return null;
  if (!HOSTNAME.test(host)) return "not a hostname, an IP address or a CIDR range (no schemes, ports, brackets or wildcards)";
  if (LAST_LABEL_NUMERIC.test(host)) return "not a valid IP address (write IPv4 as four decimal numbers, e.g. 10.0.0.1)";
  return null;
}

/**
 * Parses SUNDIAL_HTTP_ALLOW_HOSTS: comma-separated hostnames (matched exactly, not their
 * subdomains), IP addresses and CIDR ranges. Returns the list of the good entries and what is
 * wrong with each bad one.
 */
export function parseAllowList(text: string): { allowList: AllowList; problems: AllowListProblem[] } {
  const hostnames = new Set<string>();
  const ranges = new BlockList();
  const problems: AllowListProblem[] = [];
  const entries = text
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [host = "", prefix, ...extra] = normalizeHostname(entry).split("/");
    const why = extra.length > 0 ? NOT_A_RANGE : prefix === undefined ? hostProblem(host) : rangeProblem(host, prefix);
    if (why) problems.push({ entry, why });
    else if (prefix !== undefined) ranges.addSubnet(host, Number(prefix), familyOf(host));
    else if (isIP(host)) ranges.addAddress(host, familyOf(host));
    else hostnames.add(host);
  }
  return { allowList: { hostnames, ranges }, problems };
}

/**
 * Why a connection to `address` is refused, or null when it may go ahead: an allowed hostname (the
 * name the address was resolved from) or an allowed address or range opens any deny range.
 */
export function refusalReason(address: string, allowList: AllowList, hostname: string = address): DenyReason | null {
  if (allowList.hostnames.has(normalizeHostname(hostname))) return null;
  const allowed = (candidate: string) => allowList.ranges.check(candidate, familyOf(candidate));
  if (allowed(withoutZone(address)) || allowed(effectiveAddress(address))) return null;
  return deniedRange(address);
}
