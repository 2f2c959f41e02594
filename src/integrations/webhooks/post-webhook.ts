// One webhook attempt: a POST that must answer 2xx within the timeout. Redirects are not followed
// (a 3xx is not a 2xx), and the response body is read only to free the connection. The fetch is
// the guarded one: a target whose address the operator does not allow fails for good, unsent.
import { outboundRefusal } from '../../security/outbound/guarded-fetch.js';
import type { SendOutcome } from '../send-outcome.js';

export interface WebhookRequest { url: string; headers: Record<string, string>; body: string }

export async function postWebhook(req: WebhookRequest, http: typeof fetch, timeoutMs: number, stop?: AbortSignal): Promise<SendOutcome> {
  const signal = stop ? AbortSignal.any([AbortSignal.timeout(timeoutMs), stop]) : AbortSignal.timeout(timeoutMs);
  try {
    const response = await http(req.url, { method: 'POST', headers: req.headers, body: req.body, redirect: 'manual', signal });
    await response.arrayBuffer().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { ok: true, status: 'delivered', detail: `HTTP ${response.status}`, responseStatus: response.status };
    return { ok: false, error: `HTTP ${response.status}`, permanent: false, responseStatus: response.status };
  } catch (error) {
    const refused = outboundRefusal(error);
    if (refused) return { ok: false, error: refused.message, permanent: true };
    const e = error as Error & { cause?: { code?: string; message?: string } };
    const reason = e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : e.cause?.code ?? e.cause?.message ?? e.message;
    return { ok: false, error: reason, permanent: false };
  }
}
