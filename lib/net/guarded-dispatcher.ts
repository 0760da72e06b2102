// The undici dispatcher for the requests the worker makes on a job's behalf. The address policy is
// applied where each socket is opened, to the addresses actually connected to: a name that resolves
// to a forbidden address (DNS rebinding included) and a redirect to one (fetch follows redirects
// through the same dispatcher) are refused just like a URL that names the address.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { Agent, buildConnector } from "undici";
import { env } from "@/lib/env";
import { refusalReason, type AllowList, type DenyReason } from "./address-policy";

type Refused = { address: string; reason: DenyReason };

export class AddressRefusedError extends Error {
  readonly code = "SUNDIAL_ADDRESS_REFUSED";

  constructor(host: string, refused: Refused[]) {
    const addresses = refused.map(({ address, reason }) => `${address} (${reason})`).join(", ");
    const target = refused.length === 1 && refused[0]?.address === host ? addresses : `${host} at ${addresses}`;
    super(`refused to connect to ${target}: set SUNDIAL_HTTP_ALLOW_HOSTS to allow it`);
    this.name = "AddressRefusedError";
  }
}

function refusedAmong(host: string, addresses: string[], allowList: AllowList): Refused[] {
  return addresses.flatMap((address) => {
    const reason = refusalReason(address, allowList, host);
    return reason ? [{ address, reason }] : [];
  });
}

/** Resolves as `resolve` does, keeping only the addresses the policy allows; none left is an error. */
function guardedLookup(allowList: () => AllowList, resolve: LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, resolved) => {
      if (error) return callback(error, "");
      const addresses = resolved as LookupAddress[];
      const refused = refusedAmong(hostname, addresses.map(({ address }) => address), allowList());
      const permitted = addresses.filter(({ address }) => !refused.some((r) => r.address === address));
      const [first] = permitted;
      if (!first) return callback(new AddressRefusedError(hostname, refused), "");
      if (options.all) callback(null, permitted);
      else callback(null, first.address, first.family);
    });
  };
}

export type GuardOptions = {
  /** Default: SUNDIAL_HTTP_ALLOW_HOSTS, read at the first connection (not when the module loads). */
  allowList?: AllowList;
  /** Default: dns.lookup. */
  lookup?: LookupFunction;
};

/**
 * An undici Agent that refuses connections the address policy forbids. Node resolves no name for
 * an IP-literal host (and the URL parser has already turned 0x7f000001 or 2130706433 into
 * 127.0.0.1), so literals are checked before connecting and names in the lookup.
 */
export function guardedDispatcher(agentOptions: Omit<Agent.Options, "connect"> = {}, { allowList, lookup = dnsLookup }: GuardOptions = {}): Agent {
  const currentAllowList = () => allowList ?? env().SUNDIAL_HTTP_ALLOW_HOSTS;
  const connect = buildConnector({ lookup: guardedLookup(currentAllowList, lookup) });
  return new Agent({
    ...agentOptions,
    connect: (options, callback) => {
      const refused = isIP(options.hostname) ? refusedAmong(options.hostname, [options.hostname], currentAllowList()) : [];
      if (refused.length > 0) callback(new AddressRefusedError(options.hostname, refused), null);
      else connect(options, callback);
    },
  });
}
