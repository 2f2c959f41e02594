// What the Acuity surface stores beyond the first schema: API-created webhook subscriptions, OAuth2
// authorization codes and tokens, products and orders, and where certificates came from.
import type { Kysely } from 'kysely';
import { createTableWithId, withCompany } from './table-builders.js';

export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const withId = (name: string) => createTableWithId(db, dialect, name);

  await withCompany(withId('webhook_subscriptions'))
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull()).execute();
  await db.schema.createIndex('webhook_subscriptions_company').on('webhook_subscriptions').columns(['company_id', 'event']).execute();

  await withCompany(db.schema.createTable('oauth_codes'))
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('redirect_uri', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await withCompany(db.schema.createTable('oauth_tokens'))
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull()).execute();

  await withCompany(withId('products'))
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('price_cents', 'integer', (c) => c.notNull())
    .addColumn('counts', 'integer')
    .addColumn('minutes', 'integer')
    .addColumn('service_ids', 'text', (c) => c.notNull())
    .addColumn('valid_days', 'integer')
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull()).execute();

  await withCompany(withId('orders'))
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('product_id', 'bigint', (c) => c.references('products.id').onDelete('set null'))
    .addColumn('customer_id', 'bigint', (c) => c.references('customers.id').onDelete('set null'))
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text').addColumn('phone', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('total_cents', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull()).execute();

  await db.schema.createTable('package_origins')
    .addColumn('package_id', 'bigint', (c) => c.primaryKey().references('packages.id').onDelete('cascade'))
    .addColumn('product_id', 'bigint', (c) => c.references('products.id').onDelete('set null'))
    .addColumn('order_id', 'bigint', (c) => c.references('orders.id').onDelete('set null')).execute();

  await db.schema.createTable('coupon_codes')
    .addColumn('coupon_id', 'bigint', (c) => c.primaryKey().references('coupons.id').onDelete('cascade'))
    .addColumn('parent_coupon_id', 'bigint', (c) => c.notNull().references('coupons.id').onDelete('cascade')).execute();
}
