// The URLs of a setup document that the server will call (webhook targets, calendar feeds), judged
// before anything is written: one that points at a refused address makes the whole document a 400.
import type { ServiceContext } from '../context.js';
import { checkOutboundUrl } from '../outbound-url.js';
import type { CompanyDocument } from './document.js';

export async function checkDocumentUrls(ctx: ServiceContext, doc: CompanyDocument): Promise<void> {
  const urls: Array<[string, string]> = [];
  for (const [action, url] of Object.entries(doc.notifications?.acuityWebhooks ?? {})) {
    if (typeof url === 'string') urls.push([`notifications.acuityWebhooks.${action}`, url]);
  }
  for (const [i, r] of (doc.setup?.resources ?? []).entries()) {
    for (const [j, c] of (r.externalCalendars ?? []).entries()) urls.push([`setup.resources[${i}].externalCalendars[${j}].url`, c.url]);
  }
  for (const [field, url] of urls) await checkOutboundUrl(ctx, url, field);
}
