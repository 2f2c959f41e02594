// Judging a tenant-supplied URL when it is given: a literal address that is not allowed, or a name
// that resolves to one, is a 400 at once. A name that does not resolve yet is accepted (it may be
// published later); every connection is checked again when it is made (security/outbound).
import { DomainError } from '../core/errors.js';
import { outboundPolicyFromEnv } from '../security/outbound/address-policy.js';
import { createGuardedHttp, outboundRefusal, resolveAllowed, type GuardedHttp } from '../security/outbound/guarded-fetch.js';
import type { ServiceContext } from './context.js';

const RESOLVE_TIMEOUT_MS = 3_000;
let fromEnvironment: GuardedHttp | null = null;

/** The context's outbound HTTP, or one under OPENSLOT_OUTBOUND_ALLOW of this process's environment. */
export function outboundHttp(ctx: Pick<ServiceContext, 'outbound'>): GuardedHttp {
  if (ctx.outbound) return ctx.outbound;
  const policy = outboundPolicyFromEnv();
  if (fromEnvironment?.policy !== policy) fromEnvironment = createGuardedHttp(policy);
  return fromEnvironment;
}

/** Throws a 400 (invalid_input on `field`) when the URL's host is, or resolves to, a refused address. */
export async function checkOutboundUrl(ctx: Pick<ServiceContext, 'outbound'>, url: string, field: string): Promise<void> {
  let host: string;
  try {
    host = new URL(url.trim().replace(/^webcals?:\/\//i, 'https://')).hostname;
  } catch {
    return; // not a URL: the caller's own validation says so
  }
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), RESOLVE_TIMEOUT_MS).unref());
  const refused = await Promise.race([
    resolveAllowed(host, outboundHttp(ctx).policy).then(() => null, (error: unknown) => outboundRefusal(error)),
    timeout,
  ]);
  if (refused) throw new DomainError('invalid_input', { field, value: url, message: `${field}: ${refused.message}` });
}
