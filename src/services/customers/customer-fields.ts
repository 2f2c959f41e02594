// A customer's custom fields: OnSched's CustomFields, a flat name → text map (v1's field1–field10
// and customer booking fields, /v3's Customer.CustomFields). Both surfaces keep them in one place,
// the customers.custom_fields JSON column, so a customer made on one shows its fields on the other.
// Setting merges: a name given again replaces its value, an empty value removes it, and names not
// given keep theirs.
import { DomainError } from '../../core/errors.js';
import type { Tx } from '../../store/transaction.js';
import type { ServiceContext } from '../context.js';
import type { Key } from '../lookup.js';
import { runAction, type Idempotency } from '../run-action.js';
import { findOwned } from '../scheduling/load-setup.js';

export type CustomerFields = Record<string, string>;

const MAX_NAME = 100;
const MAX_VALUE = 4000;
const MAX_FIELDS = 100;

/** Refuses what could not be stored, before anything is written. */
export function checkCustomerFields(fields: CustomerFields, path: string): CustomerFields {
  const entries = Object.entries(fields);
  if (entries.length > MAX_FIELDS) throw new DomainError('invalid_input', { field: path, message: `${path} may hold at most ${MAX_FIELDS} fields` });
  for (const [name, value] of entries) {
    if (!name.trim() || name.length > MAX_NAME) throw new DomainError('invalid_input', { field: `${path}.${name}`, message: `A field name must have 1 to ${MAX_NAME} characters` });
    if (typeof value !== 'string' || value.length > MAX_VALUE) throw new DomainError('invalid_input', { field: `${path}.${name}`, message: `${name} must be text of at most ${MAX_VALUE} characters` });
  }
  return fields;
}

/** The column's JSON as a name → text map (null: none). */
export function parseCustomerFields(json: string | null): CustomerFields {
  if (!json) return {};
  const parsed = JSON.parse(json) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}

/** `current` with `fields` merged in (empty value: removed), as the column stores it. */
export function mergeCustomerFields(current: CustomerFields, fields: CustomerFields, path: string): string | null {
  const merged = { ...current };
  for (const [name, value] of Object.entries(checkCustomerFields(fields, path))) {
    if (value === '') delete merged[name];
    else merged[name] = value;
  }
  if (Object.keys(merged).length > MAX_FIELDS) throw new DomainError('invalid_input', { field: path, message: `${path} may hold at most ${MAX_FIELDS} fields` });
  return Object.keys(merged).length ? JSON.stringify(merged) : null;
}

export async function readCustomerFields(tx: Tx, customerIds: number[]): Promise<Map<number, CustomerFields>> {
  const out = new Map<number, CustomerFields>();
  if (customerIds.length === 0) return out;
  const rows = await tx.selectFrom('customers').select(['id', 'custom_fields']).where('id', 'in', customerIds).execute();
  for (const row of rows) out.set(row.id, parseCustomerFields(row.custom_fields));
  return out;
}

export async function writeCustomerFields(tx: Tx, customerId: number, fields: CustomerFields): Promise<void> {
  if (Object.keys(fields).length === 0) return;
  const row = await tx.selectFrom('customers').select('custom_fields').where('id', '=', customerId).executeTakeFirstOrThrow();
  const custom_fields = mergeCustomerFields(parseCustomerFields(row.custom_fields), fields, 'customFields');
  await tx.updateTable('customers').set({ custom_fields }).where('id', '=', customerId).execute();
}

/** Merges `fields` into the customer's own, in one transaction. */
export async function setCustomerFields(ctx: ServiceContext, companyId: number, key: Key, fields: CustomerFields, idempotency?: Idempotency): Promise<CustomerFields> {
  return runAction(ctx, companyId, idempotency, async (tx) => {
    const customer = await findOwned(tx, 'customers', companyId, key, 'Customer', 'customerId');
    await writeCustomerFields(tx, customer.id, fields);
    return (await readCustomerFields(tx, [customer.id])).get(customer.id) ?? {};
  });
}

export async function customerFieldsOf(ctx: ServiceContext, customerIds: number[]): Promise<Map<number, CustomerFields>> {
  return readCustomerFields(ctx.store.db, customerIds);
}
