// API-created webhook subscriptions: which event goes to which URL. Only the subscriptions live
// here; delivering events is the notifications' job, which reads these rows.
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../core/errors.js';
import type { WebhookSubscriptionRow } from '../../store/schema-acuity.js';
import type { Tx } from '../../store/transaction.js';
import type { ServiceContext } from '../context.js';
import { notFound, type Key } from '../lookup.js';
import { runAction, type Idempotency } from '../run-action.js';
import { isHttpUrl } from '../../core/absolute-url.js';
import { checkOutboundUrl } from '../outbound-url.js';

/** Acuity's documented ceiling per account. */
export const MAX_WEBHOOKS_PER_COMPANY = 25;

export interface WebhookView { id: number; uid: string; event: string; target: string; status: string; createdAt: number }

const view = (r: WebhookSubscriptionRow): WebhookView => ({ id: r.id, uid: r.uid, event: r.event, target: r.target, status: r.status, createdAt: r.created_at });

export async function listWebhooks(ctx: ServiceContext, companyId: number): Promise<WebhookView[]> {
  return (await ctx.store.db.selectFrom('webhook_subscriptions').selectAll().where('company_id', '=', companyId).orderBy('id').execute()).map(view);
}

export async function createWebhook(ctx: ServiceContext, companyId: number, input: { event: string; target: string }, idempotency?: Idempotency): Promise<WebhookView> {
  if (!isHttpUrl(input.target)) {
    throw new DomainError('invalid_input', { field: 'target', value: input.target, message: `The target "${input.target}" is not an http(s) URL.` });
  }
  await checkOutboundUrl(ctx, input.target, 'target');
  return runAction(ctx, companyId, idempotency, async (tx) => {
    await lockCompany(ctx, tx, companyId);
    const { n } = await tx.selectFrom('webhook_subscriptions').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('company_id', '=', companyId).executeTakeFirstOrThrow();
    if (Number(n) >= MAX_WEBHOOKS_PER_COMPANY) {
      throw new DomainError('limit_reached', { field: 'webhooks', value: MAX_WEBHOOKS_PER_COMPANY, message: `An account may have at most ${MAX_WEBHOOKS_PER_COMPANY} webhooks.` });
    }
    const row = await tx.insertInto('webhook_subscriptions').values({
      uid: randomUUID(), company_id: companyId, event: input.event, target: input.target, status: 'active', created_at: ctx.now(),
    }).returningAll().executeTakeFirstOrThrow();
    return view(row);
  });
}

export async function deleteWebhook(ctx: ServiceContext, companyId: number, key: Key, idempotency?: Idempotency): Promise<WebhookView> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const id = typeof key === 'number' ? key : /^\d{1,15}$/.test(key) ? Number(key) : NaN;
    const row = Number.isSafeInteger(id)
      ? await tx.selectFrom('webhook_subscriptions').selectAll().where('company_id', '=', companyId).where('id', '=', id).executeTakeFirst()
      : undefined;
    if (!row) throw notFound('Webhook', key, 'id');
    await tx.deleteFrom('webhook_subscriptions').where('id', '=', row.id).execute();
    return view(row);
  });
}

/** Concurrent creates must not both see 24 and make 26: PostgreSQL serialises on the company row (SQLite has one writer anyway). */
async function lockCompany(ctx: ServiceContext, tx: Tx, companyId: number): Promise<void> {
  if (ctx.store.dialect === 'postgres') await tx.selectFrom('companies').select('id').where('id', '=', companyId).forUpdate().execute();
}

