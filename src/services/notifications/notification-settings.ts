// Reading and replacing a company's notification settings. A company without a row has the defaults.
import { DomainError } from '../../core/errors.js';
import { inTransaction, type Tx } from '../../store/transaction.js';
import type { ServiceContext } from '../context.js';
import { getCompany } from '../companies/get-company.js';
import { checkOutboundUrl } from '../outbound-url.js';
import { withNotificationDefaults, type NotificationSettings, type NotificationSettingsInput } from './settings-schema.js';

export async function loadNotificationSettings(db: Tx, companyId: number): Promise<NotificationSettings> {
  const row = await db.selectFrom('notification_settings').select('settings').where('company_id', '=', companyId).executeTakeFirst();
  return withNotificationDefaults(row ? JSON.parse(row.settings) : undefined);
}

/** The user action: replace a company's notification settings, in one transaction. */
export async function replaceNotificationSettings(ctx: ServiceContext, companyId: number, input: NotificationSettingsInput): Promise<NotificationSettings> {
  for (const [action, url] of Object.entries(input.acuityWebhooks ?? {})) {
    if (typeof url === 'string' && URL.canParse(url)) await checkOutboundUrl(ctx, url, `acuityWebhooks.${action}`);
  }
  return inTransaction(ctx.store, async (tx) => {
    await getCompany(tx, companyId);
    return saveNotificationSettings(tx, companyId, input, ctx.now());
  });
}

/** Replaces the settings: what the input leaves out returns to its default. */
export async function saveNotificationSettings(db: Tx, companyId: number, input: NotificationSettingsInput, now: number): Promise<NotificationSettings> {
  checkUrls(input);
  const settings = withNotificationDefaults(input);
  const text = JSON.stringify(settings);
  await db.insertInto('notification_settings').values({ company_id: companyId, settings: text, updated_at: now })
    .onConflict((oc) => oc.column('company_id').doUpdateSet({ settings: text, updated_at: now })).execute();
  return settings;
}

// The schema only checks the scheme; a URL that does not parse would fail every delivery later.
function checkUrls(input: NotificationSettingsInput): void {
  const urls: Array<[string, string | null | undefined]> = [
    ['bookingPageUrl', input.bookingPageUrl],
    ...Object.entries(input.acuityWebhooks ?? {}).map(([action, url]): [string, string] => [`acuityWebhooks.${action}`, url]),
  ];
  for (const [field, url] of urls) {
    if (url === null || url === undefined) continue;
    if (!URL.canParse(url)) throw new DomainError('invalid_input', { field, value: url, message: `${field} "${url}" is not a valid URL` });
  }
}
