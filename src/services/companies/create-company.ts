// Creates a company with fresh credentials and everything its setup document describes, in one
// transaction: a bad value anywhere leaves nothing behind.
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../core/errors.js';
import { withSettingsDefaults } from '../../core/booking/index.js';
import { isValidZone } from '../../core/time/zoned-days.js';
import { hashSecret, randomToken } from '../../security/secrets.js';
import { newPublicKey } from '../auth/public-keys.js';
import { inTransaction } from '../../store/transaction.js';
import type { ServiceContext } from '../context.js';
import { validateCompanyDocument } from '../setup/validate.js';
import { importSetup } from '../setup/import-setup.js';
import { checkDocumentUrls } from '../setup/outbound-urls.js';
import type { Created } from '../setup/refs.js';
import { saveNotificationSettings } from '../notifications/notification-settings.js';
import { chooseSlug } from './company-slug.js';

export interface CreatedCompany {
  id: number; uid: string; slug: string; apiKey: string; clientId: string; clientSecret: string; refs: Record<string, Created>;
  /** For the booking-widget routes /v3/public/* (x-api-key + x-client-id): public by design. */
  publicKey: string; publicClientId: string;
}

export async function createCompany(ctx: ServiceContext, input: unknown): Promise<CreatedCompany> {
  const doc = validateCompanyDocument(input);
  if (!isValidZone(doc.timezone)) {
    throw new DomainError('invalid_input', { field: 'timezone', value: doc.timezone, message: `timezone "${doc.timezone}" is not an IANA time zone` });
  }
  await checkDocumentUrls(ctx, doc);
  const settings = withSettingsDefaults(doc.settings);
  const apiKey = randomToken(24);
  const clientId = randomUUID();
  const clientSecret = randomToken(32);
  const uid = randomUUID();
  const publicKey = newPublicKey();
  const publicClientId = randomUUID();
  const now = ctx.now();
  const created = await inTransaction(ctx.store, async (tx) => {
    const slug = await chooseSlug(tx, doc.slug, doc.name, uid);
    const { id } = await tx.insertInto('companies').values({
      uid, name: doc.name, timezone: doc.timezone, settings: JSON.stringify(settings), slug, embed_sites: JSON.stringify(doc.embedSites ?? []),
      api_key_hash: hashSecret(apiKey), api_key_enc: ctx.secrets.seal(apiKey),
      client_id: clientId, client_secret_hash: hashSecret(clientSecret), created_at: now,
      public_key: publicKey, public_client_id: publicClientId,
    }).returning('id').executeTakeFirstOrThrow();
    const refs = await importSetup(tx, { id: Number(id), timezone: doc.timezone, name: doc.name }, doc.setup ?? {}, now, ctx.secrets);
    if (doc.notifications) await saveNotificationSettings(tx, Number(id), doc.notifications, now);
    return { id: Number(id), uid, slug, apiKey, clientId, clientSecret, publicKey, publicClientId, refs };
  });
  ctx.calendarSync?.wake(); // connected calendars are read right away, not at the next poll
  return created;
}
