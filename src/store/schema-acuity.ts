// Table types added by migration 002_acuity, merged into the Database interface of schema.ts
// (declaration merging keeps the shared schema file untouched by this surface's additions).
import type { Generated, Selectable } from 'kysely';

/** An API-created webhook: `event` is delivered to `target` (delivery arrives with notifications). */
export interface WebhookSubscriptionTable {
  id: Generated<number>; uid: string; company_id: number; event: string; target: string; status: string; created_at: number;
}

/** A one-time OAuth2 authorization code, stored hashed, that the app exchanges for a token. */
export interface OAuthCodeTable {
  code_hash: string; company_id: number; client_id: string; redirect_uri: string; scope: string;
  expires_at: number; used: number;
}

/** A bearer token an app holds for the company that authorized it. */
export interface OAuthTokenTable {
  token_hash: string; company_id: number; client_id: string; scope: string; created_at: number;
}

/** What a company sells: a plain product, or a package of appointments (counts) or minutes. */
export interface ProductTable {
  id: Generated<number>; uid: string; company_id: number; name: string; description: string | null;
  type: 'product' | 'appointments' | 'minutes'; price_cents: number;
  /** For a package: the appointments or minutes it grants. */
  counts: number | null; minutes: number | null;
  /** JSON list of service ids a package pays for; empty: all. */
  service_ids: string;
  /** Days a package certificate stays valid after it is issued; null: no expiry. */
  valid_days: number | null;
  hidden: number; created_at: number;
}

export interface OrderTable {
  id: Generated<number>; uid: string; company_id: number; product_id: number | null; customer_id: number | null;
  first_name: string; last_name: string; email: string | null; phone: string | null; quantity: number;
  total_cents: number; status: string; notes: string | null; created_at: number;
}

/** Where a package certificate came from (a product, perhaps bought in an order). */
export interface PackageOriginTable { package_id: number; product_id: number | null; order_id: number | null }

/** A coupon code issued for another coupon: it shares the terms, and shows that coupon as its couponID. */
export interface CouponCodeTable { coupon_id: number; parent_coupon_id: number }

export type WebhookSubscriptionRow = Selectable<WebhookSubscriptionTable>;
export type ProductRow = Selectable<ProductTable>;
export type OrderRow = Selectable<OrderTable>;

declare module './schema.js' {
  interface Database {
    webhook_subscriptions: WebhookSubscriptionTable;
    oauth_codes: OAuthCodeTable;
    oauth_tokens: OAuthTokenTable;
    products: ProductTable;
    orders: OrderTable;
    package_origins: PackageOriginTable;
    coupon_codes: CouponCodeTable;
  }
}
