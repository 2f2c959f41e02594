// A customer's custom fields: free-form name/value pairs (OnSched v1's field1–field10 and its
// customer booking fields). Setting merges: a name given again replaces its value, an empty value
// removes it, and names not given keep theirs.
import { DomainError } from '../../core/errors.js';
import type { CustomerFieldValueTable } from '../../store/schema-customer-fields.js';
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

export async function readCustomerFields(tx: Tx, customerIds: number[]): Promise<Map<number, CustomerFields>> {
  const out = new Map<number, CustomerFields>();
  if (customerIds.length === 0) return out;
  const rows: CustomerFieldValueTable[] = await tx.selectFrom('customer_field_values').selectAll().where('customer_id', 'in', customerIds).orderBy('name').execute();
  for (const row of rows) out.set(row.customer_id, { ...(out.get(row.customer_id) ?? {}), [row.name]: row.value });
  return out;
}

export async function writeCustomerFields(tx: Tx, customerId: number, fields: CustomerFields): Promise<void> {
  for (const [name, value] of Object.entries(checkCustomerFields(fields, 'customFields'))) {
    await tx.deleteFrom('customer_field_values').where('customer_id', '=', customerId).where('name', '=', name).execute();
    if (value !== '') await tx.insertInto('customer_field_values').values({ customer_id: customerId, name, value }).execute();
  }
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
