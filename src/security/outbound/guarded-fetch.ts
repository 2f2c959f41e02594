// Outbound HTTP for tenant-supplied URLs, checked where it cannot be dodged: at connection time.
// Each connection (the first request and every redirect) resolves its host name itself, refuses it
// when any address it resolves to is not allowed, and connects to the checked address, so a DNS
// answer that changes between a check and the connection (rebinding) gains nothing. IP literals
// arrive normalised by the URL parser (127.1, 2130706433 and 0x7f.1 are all 127.0.0.1).
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import type { OutboundPolicy } from './address-policy.js';

/** Thrown (as a fetch error's `cause`) for a URL whose address is refused; retrying cannot help. */
export class OutboundRefusedError extends Error {
  readonly code = 'OUTBOUND_REFUSED';
  constructor(message: string) {
    super(message);
    this.name = 'OutboundRefusedError';
  }
}

/** The error, or the refusal behind a failed fetch; null for any other failure. */
export function outboundRefusal(error: unknown): OutboundRefusedError | null {
  for (let e = error as { cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e instanceof OutboundRefusedError) return e;
  }
  return null;
}

/** The address to connect to for `host`, or an OutboundRefusedError saying why there is none. */
export async function resolveAllowed(host: string, policy: OutboundPolicy): Promise<string> {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  const addresses = isIP(bare) ? [bare] : (await lookup(bare, { all: true, verbatim: true })).map((a) => a.address);
  if (addresses.length === 0) throw new OutboundRefusedError(`${host} does not resolve to any address`);
  // Only an allowed address is ever connected to; a name with none (localhost, a private name) is refused.
  const allowed = addresses.find((address) => policy.refusal(address) === null);
  if (allowed !== undefined) return allowed;
  const why = policy.refusal(addresses[0]!)!;
  throw new OutboundRefusedError(isIP(bare) ? `Refused: ${why}` : `Refused: ${host} resolves to ${addresses[0]}, and ${why}`);
}

export interface GuardedHttp {
  /** fetch whose every connection is checked against the policy. */
  fetch: typeof fetch;
  readonly policy: OutboundPolicy;
  /** Closes the pooled connections (when the process stops). */
  close(): Promise<void>;
}

export function createGuardedHttp(policy: OutboundPolicy): GuardedHttp {
  const connectDirect = buildConnector({});
  const connect: buildConnector.connector = (options, callback) => {
    resolveAllowed(options.hostname, policy).then(
      // `host` (name:port) is kept: TLS takes its server name, and checks the certificate, from it.
      (address) => connectDirect({ ...options, hostname: address }, callback),
      (error: Error) => callback(error, null),
    );
  };
  const dispatcher = new Agent({ connect });
  const guarded = ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], { ...(init as object), dispatcher } as Parameters<typeof undiciFetch>[1])) as unknown as typeof fetch;
  return { fetch: guarded, policy, close: () => dispatcher.close() };
}
